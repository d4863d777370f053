"""Domain layer: the search thesaurus, a reviewed table of the field's words and residents' words.

Each row of ``data/reference/thesaurus.csv`` maps a phrase ("DV", "IDVA", "my partner hits me",
"after school") to service areas (taxonomy ids), words to search for, and, when the phrase names
who the help is for ("perpetrator", "for professionals"), an audience. Phrases are matched on
Snowball stems of the query's words, longest first, so "my partner hit me" and "partner hits"
meet the same row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from explorer.domain.query import STOPWORDS, WEAK_WORDS, clean

#: Who a service is for (``service.audience``), with the words shown to people.
AUDIENCES: dict[str, str] = {
    "public": "Anyone",
    "victims-survivors": "Victims and survivors",
    "people-who-harm": "People who harm",
    "children-young-people": "Children and young people",
    "parents-families": "Parents and families",
    "professionals": "Professionals only",
}
#: Audiences a member of the public cannot use without naming them.
RESTRICTED_AUDIENCES = frozenset({"people-who-harm", "professionals"})
#: What a row is: a field's abbreviation ("IDVA"), a term of art, a resident's words, or context: words
#: that say who the help is for or where a thing happened ("my son", "families", "after school"),
#: which give their topics only when nothing else in the query gives one ("my son was stabbed" is
#: about youth violence, "my family want me to marry" about forced marriage, "my son" alone about
#: help for a child); or motive: why a thing was done ("racist", "homophobic"), whose topic leads
#: whatever else the query says ("lads shouted racist stuff at my daughter" is hate crime first); or
#: background: someone's circumstance that explains the need without being it ("went inside", "sent
#: down"), which gives its topics only when no other row, context aside, gives one ("since my
#: brother went inside people keep throwing stuff at our windows" is about the windows).
KINDS = ("abbreviation", "term", "resident", "context", "motive", "background")
COLUMNS = ("phrase", "topics", "words", "audience", "kind", "source")


class ThesaurusError(ValueError):
    """A row of the thesaurus breaks a rule; the message names row, field, value and rule."""


@dataclass(frozen=True)
class Entry:
    """One row: a phrase and what it means for the search."""

    phrase: str
    topics: tuple[str, ...]
    words: tuple[str, ...]
    audience: str | None
    kind: str
    source: str

    @property
    def context(self) -> bool:
        """True for words that say who or where rather than what (kind ``context``, :data:`KINDS`)."""
        return self.kind == "context"

    @property
    def background(self) -> bool:
        """True for a circumstance that explains the need without being it (kind ``background``,
        :data:`KINDS`)."""
        return self.kind == "background"

    @property
    def pair(self) -> bool:
        """True for a row of two parts ("husband|ex + hit|hitting"), met by a word of each anywhere."""
        return "+" in self.phrase

    @property
    def motive(self) -> bool:
        """True for words that say why a thing was done (kind ``motive``, :data:`KINDS`)."""
        return self.kind == "motive"


#: The stopwords a two-word row may drop and still be met by its other word alone ("hits me" in
#: "he hit my mum"): the person it is done to or by, and auxiliaries ("been killed").
PRONOUNS_AND_AUXILIARIES = frozenset(
    "i me my mine you your yours he him his she her hers we us our ours they them their theirs it its "
    "was were been being be is am are has have had".split())


#: How near each other the words of a row of two parts must be for its first topic to lead when
#: earlier rows already gave its topics (:meth:`Thesaurus.read`).
LEAD_WINDOW = 4


@dataclass(frozen=True)
class EntryMatch:
    """A thesaurus row found in a query, with the positions of the words it used."""

    entry: Entry
    positions: tuple[int, ...]


@dataclass(frozen=True)
class Thesaurus:
    """The rows, keyed by the stems of their words (all words, and content words only)."""

    entries: tuple[Entry, ...]
    full_keys: tuple[tuple[tuple[str, ...], int], ...]
    content_keys: tuple[tuple[tuple[str, ...], int], ...]
    #: For each list of keys, ``(plain, first word) -> positions in the list`` (:func:`key_index`):
    #: a query is checked only against the keys whose first word it has.
    full_index: Mapping[tuple[bool, str], tuple[int, ...]] | None = field(default=None, compare=False, repr=False)
    content_index: Mapping[tuple[bool, str], tuple[int, ...]] | None = field(default=None, compare=False, repr=False)
    #: Rows of two parts ("husband|partner|ex + hit|hitting|beat"): each a set of stems, met when the
    #: query has a word of each anywhere in it, with the row's position in ``entries``.
    pairs: tuple[tuple[frozenset[str], frozenset[str], int], ...] = ()
    #: For each stem of a first part, the positions in ``pairs`` of the rows it starts: a query is
    #: checked only against the rows of two parts one of whose first words it has.
    pair_index: Mapping[str, tuple[int, ...]] | None = field(default=None, compare=False, repr=False)
    #: Every word form a row can meet (stems, plain words, :data:`NUMBER`): a word outside it is in
    #: no row (:meth:`could_read`).
    row_forms: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def could_read(self, words: Sequence[str], stem) -> bool:
        """False when some word of ``words`` is in no row at all, so no rows can read them all
        (quicker than :meth:`match` for a place's name, which rows seldom hold)."""
        known = self.row_forms
        return all(not known.isdisjoint(_word_forms(w, stem)) for w in words)

    @property
    def words(self) -> frozenset[str]:
        """Every cleaned word the thesaurus knows (for typo correction)."""
        out: set[str] = set()
        for e in self.entries:
            out.update(clean(e.phrase).split())
            out.update(e.words)
        return frozenset(w for w in out if len(w) >= 2)

    def match(self, words: Sequence[str], stem) -> list[EntryMatch]:
        """Finds rows in cleaned query ``words``, longest first, never two on one word.

        Args:
            words: The query's cleaned words (the place already taken out).
            stem: A function from a word to its stem (:meth:`Analyzer.stem`).
        """
        return self.read(words, stem)[0]

    def read(self, words: Sequence[str], stem) -> tuple[list[EntryMatch], tuple[str, ...]]:
        """:meth:`match`, and the topics that lead: the first topic of each row of two parts met
        whose topics earlier rows already gave. Such a row is not read again, but it says more than
        a word alone: "dealing" is the street's antisocial behaviour first, "dealers" and "moved
        into his flat" cuckooing (exploitation) first."""
        # Each word's stem and its plain form (:func:`_word_forms`), indexed by plain: False, True.
        each = [_word_forms(w, stem) for w in words]
        forms = ([stemmed for stemmed, _plain_form in each], [plain for _stem, plain in each])
        taken = [False] * len(words)
        found: list[EntryMatch] = []
        content = [i for i, w in enumerate(words) if w not in STOPWORDS]
        # The keys to try, from both lists: every word's own (full) and across stopwords (content).
        # The longest is tried first whichever list it is in, so "force me to marry" is one row
        # rather than the single word "marry"; at one length, full keys before content ones, and a
        # row met on the words as written (one naming an audience) before one met through a stem
        # ("spiked", for victims and survivors, rather than "spiking", which has the same stem).
        tries: list[tuple[int, int, bool, int, tuple[str, ...], int]] = []
        passes = []
        for number, (keys, index, positions) in enumerate(((self.full_keys, self.full_index, list(range(len(words)))),
                                                           (self.content_keys, self.content_index, content))):
            seqs = ([forms[0][i] for i in positions], [forms[1][i] for i in positions])
            present = (set(seqs[0]), set(seqs[1]))
            passes.append((seqs, present, positions))
            if index is not None:  # only the keys whose first word is in the query, in their order
                get = index.get
                candidates = [k for w in present[0] for k in get((False, w), ())]
                candidates += [k for w in present[1] for k in get((True, w), ())]
            else:
                candidates = range(len(keys))
            for k in candidates:
                key, entry_index = keys[k]
                tries.append((-len(key), number, self.entries[entry_index].audience is None, k, key, entry_index))
        tries.sort()
        for _length, number, _stemmed, _k, key, entry_index in tries:
            seqs, present, positions = passes[number]
            # A row that names an audience matches the words themselves, not their stems,
            # so "abuse" is never "abuser" (both stem to "abus").
            plain = self.entries[entry_index].audience is not None
            if not present[plain].issuperset(key):
                continue  # a word of the row is not in the query at all
            seq = seqs[plain]
            size = len(key)
            for start in range(0, len(seq) - size + 1):
                used = positions[start:start + size]
                if tuple(seq[start:start + size]) == key and not any(taken[i] for i in used):
                    found.append(EntryMatch(self.entries[entry_index], tuple(used)))
                    for i in used:
                        taken[i] = True
        # Rows of two parts, after the phrases: they may reuse a phrase's word ("my daughter" and
        # "messages", "husband" and "locked me in") but add only a topic no row has found ("my
        # partner hits me" is read once).
        topics = {t for m in found if not m.entry.context for t in m.entry.topics}  # (context: who or where)
        # A term of art of two words or more is one name: its words are not free for a row of two
        # parts ("court gave me a drug rehabilitation requirement" gave no drugs); nor are the words
        # of a phrase that names no topic ("dealing with my mum's dementia" is coping, not dealing).
        fixed = {i for m in found if len(m.positions) > 1 and (m.entry.kind == "term" or not m.entry.topics)
                 for i in m.positions}
        present = set(forms[0]) if not fixed else {w for i, w in enumerate(forms[0]) if i not in fixed}
        leads: list[str] = []
        firsts = {m.entry.topics[0] for m in found if m.entry.topics}  # (a topic some row already leads with)
        if self.pair_index is not None:  # only the rows one of whose first words the query has, in order
            index = self.pair_index
            candidates = sorted({k for w in present for k in index.get(w, ())})
        else:
            candidates = range(len(self.pairs))
        for k in candidates:
            first, second, entry_index = self.pairs[k]
            if second.isdisjoint(present) or first.isdisjoint(present):
                continue
            entry = self.entries[entry_index]
            echo = not set(entry.topics) - topics
            if echo and (entry.context or entry.background or not entry.topics
                         or entry.topics[0] in leads or entry.topics[0] in firsts):
                continue
            p = next((i for i, w in enumerate(forms[0]) if w in first and i not in fixed), None)
            q = next((i for i, w in enumerate(forms[0]) if i != p and w in second and i not in fixed), None)
            if p is not None and q is not None:
                if echo:  # (said together: "dealers have moved into his flat", not across a story)
                    if abs(p - q) <= LEAD_WINDOW:
                        leads.append(entry.topics[0])
                    continue
                found.append(EntryMatch(entry, tuple(sorted((p, q)))))
                topics.update(entry.topics)
        return sorted(found, key=lambda m: m.positions[0]), tuple(leads)


def parse_thesaurus(text: str, *, topics: Iterable[str], stem) -> Thesaurus:
    """Reads and checks the thesaurus CSV.

    Args:
        text: The file's text.
        topics: The service-area ids a row may name.
        stem: A function from a cleaned word to its stem.

    Raises:
        ThesaurusError: A header or a row breaks a rule (row, field, value and rule named).
    """
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ThesaurusError(f"row 1, header: {reader.fieldnames!r} must be the columns {', '.join(COLUMNS)}")
    known = set(topics)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(reader, start=2):
        def fail(field: str, rule: str) -> ThesaurusError:
            return ThesaurusError(f"row {number}, field {field}: {row.get(field)!r} {rule}")

        phrase = (row["phrase"] or "").strip()
        if not clean(phrase):
            raise fail("phrase", "must have at least one letter or digit")
        if "+" in phrase and (phrase.count("+") != 1 or not all(clean(side) for side in phrase.split("+"))):
            raise fail("phrase", "must be one phrase, or two lists of words joined by one \"+\" (\"husband|ex + hit|hitting\")")
        if "+" in phrase and any(" " in word.strip() for side in phrase.split("+") for word in side.split("|")):
            raise fail("phrase", "lists a phrase of two words or more in a row of two parts, where each listed word "
                                 "is met alone (\"woke up + naked\" would be every \"up\"); list single words")
        if "|" in phrase and "+" not in phrase:
            raise fail("phrase", "may list words with \"|\" only in a row of two parts (\"husband|ex + hit|hitting\"); "
                                 "give each phrase its own row")
        key = clean(phrase)
        if key in seen:
            raise fail("phrase", f"repeats row {seen[key]}")
        seen[key] = number
        row_topics = tuple(t.strip() for t in (row["topics"] or "").split(";") if t.strip())
        for t in row_topics:
            if t not in known:
                raise fail("topics", f"names {t!r}, which is not a service area ({', '.join(sorted(known))})")
        audience = (row["audience"] or "").strip() or None
        if audience is not None and audience not in AUDIENCES:
            raise fail("audience", f"must be empty or one of {', '.join(AUDIENCES)}")
        if row["kind"] not in KINDS:
            raise fail("kind", f"must be one of {', '.join(KINDS)}")
        if not (row["source"] or "").strip():
            raise fail("source", "must say where the term comes from")
        words = tuple(clean(row["words"]).split())
        if not row_topics and not words and audience is None:
            raise fail("topics", "is empty, and so are words and audience: the row would mean nothing")
        entries.append(Entry(phrase, row_topics, words, audience, row["kind"], row["source"].strip()))
    full, content, pairs = [], [], []
    for i, e in enumerate(entries):
        norm = _numbers_then(_plain if e.audience is not None else stem)
        if e.pair:
            first, second = (frozenset(stem(w) for w in clean(side.replace("|", " ")).split()) for side in e.phrase.split("+"))
            pairs.append((first, second, i))
            continue
        cleaned = clean(e.phrase).split()
        full.append((tuple(norm(w) for w in cleaned), i))
        kept = [w for w in cleaned if w not in STOPWORDS]
        # Every phrase of two words or more is also met across stopwords ("pressured into sex" in
        # "pressured me into sex"); one with stopwords, without them ("hurt partner"), unless that
        # leaves only weak words or numbers ("did stuff to" is not every "stuff", nor "just did 3
        # years" every "15 years old"), or the phrase comes down to one word that needed the other:
        # of three words or more ("did to me as a child" is not every "child", nor "has a record"
        # every "record"), or of two whose other word is not a pronoun or an auxiliary ("hits me" is
        # every "hit", and "been killed" every "killed", but "in laws" is not every "law", "broke
        # in" every "broke", nor "belong here" every "belongings").
        single_ok = len(cleaned) <= 2 and all(w in PRONOUNS_AND_AUXILIARIES for w in cleaned if w not in kept)
        if kept and (kept != cleaned or len(kept) > 1) and sum(len(w) for w in kept) >= 3 \
                and not all(w in WEAK_WORDS or w.isdigit() for w in kept) and (len(kept) > 1 or single_ok):
            content.append((tuple(norm(w) for w in kept), i))
    by_length = lambda pairs: tuple(sorted(pairs, key=lambda p: -len(p[0])))  # noqa: E731
    full_keys, content_keys = by_length(full), by_length(content)
    rows = tuple(entries)
    pair_index: dict[str, list[int]] = {}
    for k, (first, _second, _entry) in enumerate(pairs):
        for w in first:
            pair_index.setdefault(w, []).append(k)
    row_forms = {w for key, _entry in (*full, *content) for w in key}
    row_forms.update(w for first, second, _entry in pairs for w in (*first, *second))
    return Thesaurus(rows, full_keys, content_keys, key_index(rows, full_keys), key_index(rows, content_keys),
                     tuple(pairs), {w: tuple(v) for w, v in pair_index.items()}, frozenset(row_forms))


def key_index(
    entries: Sequence[Entry], keys: Sequence[tuple[tuple[str, ...], int]]
) -> dict[tuple[bool, str], tuple[int, ...]]:
    """``(plain, first word of a key) -> positions of those keys in keys`` (ascending), where
    ``plain`` says the key is matched on plain words (a row naming an audience), not stems.

    :meth:`Thesaurus.match` skips a key unless every one of its words is in the query, so the keys
    whose first word is not in it can be left unread: the same rows are found, in the same order.
    """
    index: dict[tuple[bool, str], list[int]] = {}
    for position, (key, entry_index) in enumerate(keys):
        if key:
            index.setdefault((entries[entry_index].audience is not None, key[0]), []).append(position)
    return {k: tuple(v) for k, v in index.items()}


#: What every number in a row or a query is read as: a row's number stands for any number.
NUMBER = "#"


def _number(word: str) -> str | None:
    """:data:`NUMBER` for a word of digits ("3", "10"), else None."""
    return NUMBER if word.isdigit() else None


def _word_forms(word: str, stem) -> tuple[str, str]:
    """A query word as rows meet it: its stem, and its plain form (:func:`_plain`, for rows that
    name an audience); a number is :data:`NUMBER` in both ("just did 3 years" is met by "just did
    10 years")."""
    number = _number(word)
    return (number or stem(word), number or _plain(word))


def _numbers_then(norm):
    """``norm``, except that a number is :data:`NUMBER`."""
    return lambda word: _number(word) or norm(word)


def _plain(word: str) -> str:
    """A word without a plural "s" ("perpetrators" -> "perpetrator"); otherwise as it is."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word

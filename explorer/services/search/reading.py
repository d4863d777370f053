"""Reading a query: where the person is among the places it names (the place itself is read by
:mod:`explorer.services.search.places`), typo corrections against the register's words, thesaurus
rows and service areas, and the services it names. Depends only on the text and the index, so an
index remembers recent readings."""

from __future__ import annotations

import bisect
import dataclasses
import math
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from explorer.domain.query import (
    STOPWORDS,
    WEAK_WORDS,
    TOPIC_CUTOFF,
    clean,
    content_words,
    in_reach,
    match_spans,
    split_query,
)
from explorer.domain.age_gap import PARTNER_WORDS, age_words, child_with_adult_partner
from explorer.domain.release import victim_of_release
from explorer.domain.home_place import asked_in, asks_there, home_splits, in_passing, moved_away, unsplit
from explorer.domain.slips import swaps
from explorer.domain.spelling import spelling_variants
from explorer.domain.thesaurus import RESTRICTED_AUDIENCES
from explorer.services.search.model import EXAMPLE, Understood, _Reading
from explorer.services.search.places import PlaceReading, _a_clause
from explorer.services.search.ranking import _runs
from explorer.services.search.spans import place_names_in, without_spans, words_before

#: What a query that names no service names (read-only, shared).
_NO_SERVICES = np.zeros(0, dtype=np.int64)
_NO_SERVICES.setflags(write=False)
#: How close (rapidfuzz ratio) a word after "at" must be to a place's name to be taken for a
#: misspelt place ("camdem" 83 to Camden) rather than a topic ("night", "prison" 77 to Preston).
NEAR_MISS = 80

#: How close (rapidfuzz ratio, 0-100) a query must be to a service's name to name it.
NAMED_CUTOFF = 88
#: Up to this many name forms of about the query's length are compared whole; beyond, only those
#: :func:`in_reach` of ``NAMED_CUTOFF`` (ruling out costs about 8 microseconds, comparing about 40
#: nanoseconds a form).
SMALL_WINDOW = 192
#: The same for the register's words in typo correction (ruling out: about 6 microseconds).
SMALL_WORDS = 128


class QueryReading(PlaceReading):
    """The query-reading half of :class:`explorer.services.search.SearchIndex` (it reads the
    vocabularies, name forms and geography the index builds)."""

    def _read_text(self, query: str) -> "_Reading":
        """What a query says: its place, its concepts, typo corrections, the services it names.

        Depends only on the text and this index, so :meth:`_read` keeps the latest
        ``READ_CACHE_SIZE`` answers: a repeated search (the next page, a filter change, a popular
        query) skips the place, typo and name matching.
        """
        parts = split_query(query)
        if parts.too_long:
            return _Reading(Understood(), "That search is too long. Try a few words, like "
                                          f"\u2018{EXAMPLE}\u2019.")
        words = parts.cleaned.split()
        if not words and query.strip():
            return _Reading(Understood(), "We could not read any words in that search. Try a topic or a place, like "
                                          f"\u2018{EXAMPLE}\u2019.")
        # Of two places, the one after "I live in", "my flat in", "moved to" is where the person is.
        outside = 0  # (the words of a place outside London where the person is, "moved to Leeds")
        there = asks_there(words)
        for home in home_splits(parts):
            found = self._find_location(home, words)
            if found[0] is not None and found[1] and found[1][0] == 0:
                parts, (location, place_span, unmatched_place, also_places) = home, found
                break
            if (there or moved_away(home)) and (outside := self._outside_london(home.place.split())):
                parts = home  # (the person is, or wants help, outside London: "moved from Croydon up to Leeds")
                break
        else:
            # "any support in Kent?": help asked for outside London, whatever London place is named
            outside = self._outside_london(parts.place.split()) if asked_in(parts) else 0
            if not outside:
                location, place_span, unmatched_place, also_places = self._find_location(parts, words)
                said = parts.topic.split() + parts.connector.split()
                if location is not None and parts.explicit_place and in_passing(said, len(said)):
                    # The last place is named in passing ("clubs for teenagers in Mitcham, I work in
                    # Tooting"; "attack on my dad in Kingston, we had support in Tower Hamlets"): another
                    # place in the text is the place.
                    whole = unsplit(parts)
                    found = self._find_location(whole, words)
                    if found[0] is not None and found[0] != location:
                        parts, (location, place_span, unmatched_place, also_places) = whole, found
        if outside:
            # The person is, or asks for help, outside London ("my nan lives in Basildon ... who does
            # she call there"): not at the London place named; answered London-wide, and said.
            location, place_span, also_places = None, (0, outside), ()
            unmatched_place = " ".join(parts.place.split()[:outside])
        if unmatched_place and location is None and not outside and (
                self._all_known(parts.place) or _a_clause(parts.place)
                or (parts.connector == "at" and not self._near_a_place(parts.place))):
            # "witness at court", "support at night": what follows is a topic, not a place the search
            # failed to find ("help in Camdem" still is); the whole text is read as one.
            parts = unsplit(parts)
            location, place_span, unmatched_place, also_places = self._find_location(parts, words)
        elif unmatched_place and location is None and not outside and (
                not self._near_a_place(parts.place) or parts.place in self._common_words):
            # What follows the last "in" is no London place and not close to one ("agent in
            # Kingston makes me work in restaurant for free"), or is one ordinary word ("bullied at
            # school in Carshalton and won't go in anymore": not a misspelt Anerley): a place named
            # earlier is the place; with none, it is still said to be a place London does not have
            # ("in Pakistan").
            whole = unsplit(parts)
            found = self._find_location(whole, words)
            if found[0] is not None or self._all_known(" ".join(parts.place.split()[:1])):
                # (with none, what follows "in" is still no place when its first word is a topic's:
                # "visit my husband in prison over christmas" is not a place called "prison over
                # christmas")
                parts, (location, place_span, unmatched_place, also_places) = whole, found
        if location is None and not outside:
            # Last, a name a phone's dictation split into words ("support in rum ford", "green itch").
            found = self._find_location(parts, words, run_together=True)
            if found[0] is not None:
                location, place_span, unmatched_place, also_places = found
        # The words of the text the place was read in, and where that text starts among them.
        if parts.explicit_place:
            topic, connector, place = parts.topic.split(), parts.connector.split(), parts.place.split()
            said, offset = topic + connector + place, len(topic) + len(connector)
            # the words after the place are topic too ("in Peckham ... my son"), and so is the
            # connector when it ends a row ("break in Upminster": a break-in, in Upminster; "locked
            # me in the bedroom ... E17 4") or begins one with the words before the place ("peer
            # support for people in recovery Sidcup")
            before_place = place[:place_span[0]] if place_span else []
            kept = connector if topic and connector and (
                self._a_row(connector, before=topic[-2:])
                or (before_place and self._a_row(connector, after=before_place[:2]))) else []
            topic_words = topic + kept + without_spans(place, place_span)
        else:
            said, offset = words, 0
            topic_words = without_spans(words, place_span)
        other_places = []
        if location is not None or outside:
            named = place_names_in(topic_words, self.place_vocabulary.first)
            if named:
                # A second place's name ("Bromley SE15 4", "support in Tower Hamlets") is no topic
                # word: not used. One a thesaurus row reads stays a topic word: "just out of
                # Pentonville, lives in Holloway".
                read = self._row_positions(topic_words)
                places = {i for i in named if i not in read}
                other_places = [topic_words[i] for i in sorted(places)]
                topic_words = [w for i, w in enumerate(topic_words) if i not in places]
            # A place that is also a thesaurus row ("came out of Pentonville", a prison), or the part of
            # a row of two parts that the three words before it complete ("comes out of Feltham":
            # Feltham young offender institution; not "youth club in Feltham, kids out late") or the
            # word after it ("in Wandsworth prison"), says where and what: its words are read for the
            # row too.
            start, end = (offset + place_span[0], offset + place_span[1]) if place_span else (0, 0)
            typed = said[start:end]
            if typed and self._a_row(typed, before=words_before(said, start)):
                topic_words = topic_words + typed
            elif typed and end < len(said) and self._a_row(typed, after=said[end:end + 1]):
                # (a phrase: the place's words go back before the word they make it with)
                k = topic_words.index(said[end]) if said[end] in topic_words else len(topic_words)
                topic_words = [*topic_words[:k], *typed, *topic_words[k:]]
        corrected, corrections = self._correct(topic_words)
        concepts, understood_terms, shown_words, audience, leftover = self._find_concepts(corrected)
        word_stems, matched_words, unmatched_words, weak = self._word_units(leftover)
        left_out: list[str] = []
        if location is not None and unmatched_words and not concepts and not word_stems:
            # Only words no service uses, and a place: the place's services rather than none
            # ("ex keeps turning up outside my work in stratford"), and the words said to be left out.
            left_out, unmatched_words = unmatched_words, []
        understood = Understood(
            terms=tuple(understood_terms),
            words=tuple(shown_words + matched_words),
            location=location,
            unmatched_place=unmatched_place,
            unmatched_words=tuple(unmatched_words),
            audience=audience,
            corrections=tuple(corrections),
            ignored_words=tuple(weak + other_places),
            also_places=also_places,
            words_left_out=tuple(left_out),
        )
        if unmatched_place and location is None:
            if (understood.terms or understood.words) and not self._near_a_place(unmatched_place):
                # A place outside London ("in Pakistan", "near Dartford") with a topic: answered
                # London-wide, and said; a misspelt London place ("Camdem") is asked again.
                understood = dataclasses.replace(understood, unmatched_place="", place_not_found=unmatched_place,
                                                 place_outside=bool(self._outside_london(unmatched_place.split())))
            elif self._outside_london(unmatched_place.split()):
                return _Reading(understood, f"\u2018{unmatched_place}\u2019 is outside London, and these are London's "
                                            "services. Try a London place, or say what help you need.")
            else:
                return _Reading(understood, f"We could not find a London place called \u2018{unmatched_place}\u2019. "
                                            "Try a postcode, a neighbourhood or a borough name.")
        named = _NO_SERVICES
        if topic_words:  # the services either text names (one may be named by both: harmless)
            # (not np.union1d: its first call imports numpy.ma, a tenth of a second of the CLI's time)
            found = [n for t in dict.fromkeys((parts.cleaned, " ".join(corrected))) if len(n := self._named(t))]
            if found:
                named = np.concatenate([named, *found])
                named.setflags(write=False)
        return _Reading(understood, "", tuple(concepts), tuple(word_stems), named)

    def _all_known(self, text: str) -> bool:
        """True when every word of ``text`` that is not a stopword is one the register or the
        thesaurus uses (so it names a topic, not a misspelt place)."""
        return all(w in self._word_set or self.analyzer.stem(w) in self._bm25.vocab_dict
                   for w in content_words(text.split()))

    def _near_a_place(self, text: str) -> bool:
        """True when ``text`` is close to a place's name without reaching the place cutoff (a
        misspelt place, "camdem"), rather than an ordinary word ("night") or a place outside London
        ("oxford", not Oxford Circus)."""
        if self._outside_london(text.split()):
            return False
        return process.extractOne(text, self.place_vocabulary.processed, scorer=fuzz.ratio, processor=None,
                                  score_cutoff=NEAR_MISS) is not None

    def _correct(self, words: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
        """Each word, or the register's nearest word with the same first letter when it has none
        like it ("counseling")."""
        out, corrections = [], []
        for word in words:
            if (word in STOPWORDS or len(word) < 4 or word in self._word_set
                    or any(ch.isdigit() for ch in word)
                    or self.analyzer.stem(word) in self._bm25.vocab_dict):
                out.append(word)
                continue
            # Only the register's words in reach of TOPIC_CUTOFF (the lower of the two cutoffs, so
            # none that could reach either is left out), in their order: the same first best word.
            # A correction keeps the word's first letter: people seldom mistype it, and changing it
            # turns ordinary words into other ones ("brother" into "other", "posted" into "hosted").
            # Two letters swapped costs a short word more than its cutoff allows ("yuoth" scores 80
            # against "youth"): undone exactly first, when it gives a word the register uses.
            swapped = None if word in self._common_words else next(
                (w for w in swaps(word) if w in self._word_set and w not in self.place_vocabulary.first), None)
            if swapped is not None:
                out.append(swapped)
                corrections.append((word, swapped))
                continue
            first = word[0]
            words = [w for w in self._words if w[0] == first] if len(self._words) <= SMALL_WORDS else [
                w for i in in_reach(self._word_reach, word) if (w := self._words[i])[0] == first]
            cutoff = max(TOPIC_CUTOFF, 88.0) if len(word) <= 5 else TOPIC_CUTOFF
            if word in self._common_words:
                # A word of ordinary English is some other word than the register's nearest one
                # ("black" is not "back", "party" not "part"), unless it is that word spelt the
                # American way ("counseling", "behavior", "program"): it stays a word not used.
                best = next((c for c in process.extract(word, words, scorer=fuzz.ratio, processor=None,
                                                        score_cutoff=cutoff, limit=None)
                             if spelling_variants(word, c[0])), None)
            else:
                best = process.extractOne(word, words, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
            if best is None:
                out.append(word)
                continue
            out.append(best[0])
            corrections.append((word, best[0]))
        return out, corrections

    def _find_concepts(self, words: list[str]):
        """Thesaurus rows, then service areas: each becomes one concept ``(topics, words, required)``,
        scored per service by :meth:`_unit`."""
        units: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = []
        terms: list[str] = []
        shown: list[str] = []
        taken: set[int] = set()
        matches, leads = self.thesaurus.read(words, self.analyzer.stem)
        who = [m for m in matches if m.entry.topics and m.entry.context]
        for m in matches:
            taken.update(m.positions)
        rest = [w for i, w in enumerate(words) if i not in taken]
        spans = match_spans(rest, self.term_vocabulary, cutoff=TOPIC_CUTOFF, max_span=4, min_chars=2)
        # A circumstance ("went inside", "sent down": kind background) gives its topics only when
        # nothing else does, context aside: "since my brother went inside people keep throwing stuff
        # at our windows" is about the windows.
        behind = [m for m in matches if m.entry.background]
        if behind and (spans or any(m.entry.topics for m in matches if m not in who and m not in behind)):
            matches = [m for m in matches if m not in behind]
        # A row that says who the help is for or where ("my son", "families", "after school": kind
        # context) gives its topics only when nothing else does: "my son was murdered" is about
        # bereavement, not youth work, and "my family want to force me to marry" about forced marriage.
        about = any(m.entry.topics for m in matches if m not in who) or bool(spans)
        audience = next((m.entry.audience for m in matches if m.entry.audience is not None), None)
        for m in [m for m in matches if m not in who] + ([] if about else who):
            if not m.entry.topics and not m.entry.words:
                continue
            # (not the phrase's filler: "him" in "leave him" is in every description about a boy)
            phrase_words = [words[i] for i in m.positions if words[i] not in STOPWORDS and words[i] not in WEAK_WORDS]
            units.append((tuple(m.entry.topics), (*m.entry.words, *phrase_words), tuple(phrase_words)))
            terms.extend(t for t in m.entry.topics if t in self._term_row and t not in terms)
            if not m.entry.topics:
                shown.append(" ".join(words[i] for i in m.positions))
        for m in spans:
            units.append(((m.target,), tuple(clean(m.phrase).split()), tuple(rest[m.start:m.end])))
            if m.target not in terms:
                terms.append(m.target)
        if leads:
            terms.sort(key=lambda t: t not in leads)
        if about and who:
            # What happened decides the topics, and who it happened to which of them leads: "trans
            # woman ... people on my estate harass me" is hate crime first, then antisocial behaviour.
            # (Not a row naming an audience: "my son" says whom the help is for, and "my son was
            # mugged" is victim support first.)
            said = {t for m in who if m.entry.audience is None for t in m.entry.topics}
            terms.sort(key=lambda t: t not in said)
        # Why it was done leads, whatever else was said: "lads shouted racist stuff at my daughter"
        # (unless denied: "neighbour harassment, not racial just nasty").
        why = {t for m in matches if m.entry.motive and not (m.positions[0] and words[m.positions[0] - 1] in _DENIALS)
               for t in m.entry.topics}
        if why:
            terms.sort(key=lambda t: t not in why)
        if grooming := child_with_adult_partner(words):
            # A child's age and an adult partner's ("my daughters 15 and her 'boyfriend' is 25"):
            # grooming leads, whatever else is said ("he buys her vodka").
            if "exploitation" not in terms:
                units.append((("exploitation",), _GROOMING_WORDS, ()))
                terms.append("exploitation")
            terms.sort(key=lambda t: t != "exploitation")
        if ("reducing-reoffending" in terms and any(m.entry.topics == ("reducing-reoffending",) for m in matches)
                and (harmed := victim_of_release(words)) is not None):
            # A release told by the person it harmed ("the man who stabbed my husband is up for
            # parole", "my ex is out on licence and knows where I live"): the release asks for help
            # for victims, not for people leaving prison, and the help is not for the one who harmed.
            units = [u for u in units if u[0] != ("reducing-reoffending",)]
            if not any("reducing-reoffending" in u[0] for u in units):
                terms.remove("reducing-reoffending")
            if harmed not in terms:  # (what an ex, a rapist or a groomer did leads; help for victims follows)
                units.append(((harmed,), _VICTIM_CONTACT_WORDS, ()))
                terms.insert(len(terms) if harmed == "victims-witnesses" else 0, harmed)
            if audience in RESTRICTED_AUDIENCES:
                audience = "victims-survivors"
        if (audience in RESTRICTED_AUDIENCES and terms and terms[0] in _HARMED_OR_USING
                and not any(m.entry.audience == audience and terms[0] in m.entry.topics for m in matches)
                and (any(terms[0] in m.entry.topics and not m.entry.pair for m in matches)
                     or any(m.target == terms[0] for m in spans))):
            # A harm done to them or a need for drug or alcohol help leads, said in a row of its
            # own: the help is for them, whatever they have done ("black lad with a record, a
            # security guard called me racist names" is hate crime, for its victim).
            audience = next((m.entry.audience for m in matches if m.entry.audience is not None
                             and m.entry.audience not in RESTRICTED_AUDIENCES), None)
        leftover = content_words(without_spans(rest, *[(m.start, m.end) for m in spans]))
        if grooming:  # (the partner and the ages were used)
            used = PARTNER_WORDS | age_words(words)
            leftover = [w for w in leftover if w not in used]
        return units, terms, shown, audience, leftover

    def _word_units(self, words: Sequence[str]) -> tuple[list[str], list[str], list[str], list[str]]:
        """The stems of the words the register uses (each one concept), those words, the words it
        does not use, and the weak words (not searched alone)."""
        stems, matched, unmatched, weak = [], [], [], []
        for word in words:
            if len(word) < 2:
                continue
            if word in WEAK_WORDS or word.isdigit():  # meaningful only in a phrase ("15 year old")
                weak.append(word)
                continue
            stem = self.analyzer.stem(word)
            if stem not in self._bm25.vocab_dict:  # no service's text holds it (BM25 would be 0 everywhere)
                unmatched.append(word)
                continue
            stems.append(stem)
            matched.append(word)
        return stems, matched, unmatched, weak

    def _named(self, text: str) -> np.ndarray:
        """The positions of the services whose name (or short name) the query gives, near enough
        to the letter."""
        text = text[4:] if text.startswith("the ") else text
        if len(text) < 4:
            return np.zeros(0, dtype=np.int64)
        # fuzz.ratio >= NAMED_CUTOFF needs the shorter text at least c/(2-c) of the longer one's
        # length, so only names of about the query's length are compared (fast at 100,000).
        share = NAMED_CUTOFF / (200 - NAMED_CUTOFF)
        starts = self._form_length_starts  # (the first form of each length: searchsorted, precomputed)
        low = starts[min(math.floor(len(text) * share), len(starts) - 1)]
        high = starts[min(math.ceil(len(text) / share) + 1, len(starts) - 1)]
        if high - low <= SMALL_WINDOW:
            found = process.extract(text, self._forms_by_length[low:high], scorer=fuzz.ratio, processor=None,
                                    score_cutoff=NAMED_CUTOFF, limit=50)
        else:  # only the forms in reach of the cutoff, in by-length order (so ties keep rapidfuzz's order)
            within = in_reach(self._form_reach, text, low, high)
            forms = self._forms_by_length
            found = [(choice, score, int(within[k]) - low) for choice, score, k in process.extract(
                text, [forms[i] for i in within], scorer=fuzz.ratio, processor=None,
                score_cutoff=NAMED_CUTOFF, limit=50)]
        best = max((score for _choice, score, _index in found), default=None)
        # only the closest name(s): "rape crisis south london" is not North London's
        forms = [self._length_form[low + index] for _choice, score, index in found if score >= best]
        if best is None and len(text.split()) >= 3:
            # Most of the start of a long name ("rescue and response" for "Rescue and Response
            # county lines service"), never a topic that starts many names ("domestic abuse").
            prefix = text + " "
            at = bisect.bisect_left(self._sorted_forms, prefix)
            end = bisect.bisect_left(self._sorted_forms, prefix + "\U0010ffff", lo=at)
            if end > at:
                long_enough = np.flatnonzero(len(text) >= 0.45 * self._sorted_lengths[at:end])
                forms = self._sorted_form[at + long_enough]
        if not len(forms):  # (most queries name no service)
            return _NO_SERVICES
        return _runs(self._form_ptr, self._form_owners, np.asarray(forms, dtype=np.int64))

    def _row_positions(self, words: Sequence[str]) -> set[int]:
        """The positions of ``words`` that thesaurus rows with topics read."""
        return {i for m in self.thesaurus.match(words, self.analyzer.stem) if m.entry.topics for i in m.positions}

    def _a_row(self, words: Sequence[str], before: Sequence[str] = (), after: Sequence[str] = ()) -> bool:
        """True when thesaurus rows with topics take every one of ``words`` ("pentonville"), read
        after the words ``before`` them (which may complete a row of two parts: "out" + "feltham")
        and before the words ``after`` them ("in" + "recovery")."""
        if not self.thesaurus.could_read(words, self.analyzer.stem):  # (most places' names are in no row)
            return False
        used = self._row_positions([*before, *words, *after])
        return used.issuperset(range(len(before), len(before) + len(words)))



#: Words that deny what follows ("not racial just nasty").
_DENIALS = frozenset("not isn't isnt wasn't wasnt no never".split())

#: What a victim told of a release is searched for (:func:`release.victim_of_release`).
_VICTIM_CONTACT_WORDS = ("victim", "contact", "support", "witness")

#: What a child's adult partner is searched for (:func:`age_gap.child_with_adult_partner`).
_GROOMING_WORDS = ("grooming", "child", "sexual", "exploitation")

#: Service areas whose help is for the person harmed, or using drugs or alcohol, whatever they have
#: done: when one leads, a row saying they have offended ("on probation") does not make the help
#: for people who harm.
_HARMED_OR_USING = frozenset({"hate-crime", "sexual-violence", "victims-witnesses", "vawg", "substance-misuse"})

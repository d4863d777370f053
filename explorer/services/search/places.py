"""Reading a query's place: a postcode, sector or district, a neighbourhood of the gazetteer or a
borough, one of a name several boroughs share, and the places of other boroughs said to exist."""

from __future__ import annotations

from typing import Sequence

from rapidfuzz.distance import Levenshtein

from explorer.domain.home_place import in_passing
from explorer.domain.postcode_in_text import find_postcode
from explorer.domain.query import (
    PLACE_CUTOFF,
    PhraseMatch,
    Vocabulary,
    build_vocabulary,
    capitalised_in,
    clean,
    content_words,
    match_spans,
    written_as_a_name,
)
from explorer.domain.slips import slips
from explorer.services.search.building import _borough_point
from explorer.services.search.model import Location, OtherPlace
from explorer.services.search.spans import char_span_to_words, with_borough, words_before


class PlaceReading:
    """The place-reading part of :class:`explorer.services.search.reading.QueryReading` (it reads
    the place vocabulary, homonyms, boroughs and geography the index builds, and the thesaurus
    through :meth:`QueryReading._a_row`)."""

    def _find_location(self, parts, words, *, run_together: bool = False
                       ) -> tuple[Location | None, tuple[int, int] | None, str, tuple[Location, ...]]:
        """The place a query names, its word span, the place text it could not find, and the places
        of the same name in other boroughs. ``run_together``: only the place that neighbouring words
        name when run together (:meth:`_run_together`), for a text in which no place was found."""
        if run_together:
            place_words = parts.place.split() if parts.explicit_place else words
            spans = self._run_together(place_words, parts.explicit_place)
            if not spans:
                return None, None, parts.place if parts.explicit_place else "", ()
            return self._found(parts, place_words, spans[0], spans, spans)
        text = parts.place if parts.explicit_place else parts.cleaned
        found = find_postcode(text, self._known_postcode, self._known_district)
        if found is not None:
            label, start, end = found
            try:
                match = self.geography.postcodes.lookup(label)
            except ValueError:
                match = None
            if match is not None:
                location = Location(match.kind, match.label, match.latitude, match.longitude, match.borough_code)
                span = char_span_to_words(text, start, end)
                # A place named with its district ("Golden Lane estate EC1Y") is the more exact.
                inside = self._place_in_district(text.split(), match.label, span) if match.kind == "district" else None
                if inside is not None:
                    return self._location_for(inside[0]), inside[1], "", ()
                return location, span, "", ()
            if parts.explicit_place:
                return None, None, label, ()
        place_words = parts.place.split() if parts.explicit_place else words
        # Two neighbouring letters swapped is the commonest slip on a phone, and costs a six-letter
        # name more than the place cutoff allows ("ilfrod" scores 83 against "ilford").
        place_words = [self._slipped_place(w) or w for w in place_words]
        # A park's parkrun is run in the park ("valentines parkrun", "Crystal Palace parkrun").
        place_words = [_PLACE_WORD_FORMS.get(w, w) if i else w for i, w in enumerate(place_words)]
        spans = match_spans(place_words, self.place_vocabulary, cutoff=PLACE_CUTOFF, max_span=4, min_chars=3)
        if self._capitalised_places:  # "Bank" only as written ("at Bank", not "my bank", "food bank")
            spans = [s for s in spans if s.phrase not in self._capitalised_places
                     or written_as_a_name(place_words[s.start], parts.original)]
        # a place outside London is none of London's ("in Liverpool" is not Liverpool Street)
        spans = [s for s in spans if " ".join(place_words[s.start:s.end]) not in self._places_outside]
        # a tube line is no place ("on the Victoria line", "Piccadilly line")
        spans = [s for s in spans if s.end >= len(place_words) or place_words[s.end] not in ("line", "lines")]
        # A place that is all the text after "in" is that place however close to a word it is ("in
        # downe"); elsewhere a common word is no misspelt place (:meth:`_a_word_not_a_place`).
        whole = [s for s in spans if s.start == 0 and s.end == len(place_words)] if parts.explicit_place else []
        spans = whole or [s for s in spans if not self._a_word_not_a_place(s, place_words, parts.original)]
        if parts.explicit_place and not whole and _a_clause(parts.place):
            # In a clause after "in" the place's name comes first ("in Peckham and need help with my
            # son"); a name further on is some other word ("come in hungry ... heading down the
            # wrong path" is not Downe: the whole text is then read, and finds "in Barking" before it),
            # with a town or borough right after it ("in Manor Park Sutton, kids at his school").
            # A first name that a thesaurus row reads with the word after it ("in Feltham prison and
            # comes home to Southall") is a prison, not where the person is: the names further on stay.
            first = [s for s in spans if s.start == 0]
            if not first or not all(self._a_row(place_words[f.start:f.end], after=place_words[f.end:f.end + 1])
                                    for f in first):
                spans = first + [s for s in spans if s.start and any(s.start == f.end for f in first)]
        if not spans:
            return None, None, parts.place if parts.explicit_place else "", ()
        # Of two places, one that a thesaurus row also reads (St Giles, a charity's name; Pentonville,
        # a prison; Feltham after "coming out of", its young offender institution) is where the other
        # is not ("st giles sos project ... a gang from Ponders End", "coming out of Feltham ... coming
        # home to Tooting"), nor is "the city", which may be London itself ("Fulham Broadway ... new
        # to the city").
        plain = [s for s in spans if clean(s.phrase) not in _VAGUE_PLACES and not in_passing(place_words, s.start)
                 and not self._a_row(place_words[s.start:s.end], before=words_before(place_words, s.start))
                 and not self._a_row(place_words[s.start:s.end], after=place_words[s.end:s.end + 1])
                 ] if len(spans) > 1 else spans
        best = max(plain or spans, key=lambda m: (m.end - m.start, m.score))
        return self._found(parts, place_words, best, spans, plain or spans, words)

    def _found(self, parts, place_words, best: PhraseMatch, spans, towns, words=None
               ) -> tuple[Location, tuple[int, int], str, tuple[OtherPlace, ...]]:
        """:meth:`_find_location`'s answer for the place span ``best`` among ``spans``: the place
        its name means (:meth:`_choose_homonym`; with ``words``, the whole text, also a place of
        one of its boroughs named elsewhere in it), its span, and the places of the name not chosen."""
        target, span, others = self._choose_homonym(best, spans, towns)
        if words is not None and parts.explicit_place and target == best.target and others:
            # A shared name after "in", "around" …, with a place of one of its boroughs named
            # elsewhere in the text ("scared to go into Harrow … boys who hang around St George's").
            target, others = self._homonym_named_elsewhere(target, others, words, parts.original)
        typed = place_words[best.start:best.end]
        return self._location_for(target), span, "", tuple(
            OtherPlace(location, borough, with_borough(parts.original, typed, location.label, borough))
            for location in map(self._location_for, others)
            for borough in [self._borough(location.borough_code).name])

    def _outside_london(self, words: Sequence[str]) -> int:
        """How many of the first words of ``words`` name a place outside London ("leeds", "milton
        keynes", "kent"); 0 when they name none."""
        outside = self._places_outside
        return next((n for n in (3, 2, 1) if len(words) >= n and " ".join(words[:n]) in outside), 0)

    def _place_in_district(self, words: Sequence[str], district: str, district_span: tuple[int, int]
                           ) -> tuple[str, tuple[int, int]] | None:
        """The gazetteer place ``words`` name exactly in the postcode district ``district``, and its
        words, with the district's (at ``district_span``) when they come next to it."""
        for s in match_spans(words, self.place_vocabulary, cutoff=100, max_span=4, min_chars=3):
            kind, _, key = s.target.partition(":")
            if kind == "place" and self.geography.places[int(key)].outcode == district:
                both = (min(s.start, district_span[0]), max(s.end, district_span[1]))
                return s.target, both if both[1] - both[0] <= s.end - s.start + 2 else (s.start, s.end)
        return None

    def _a_word_not_a_place(self, span: PhraseMatch, words: Sequence[str], typed: str = "") -> bool:
        """True when ``span`` is one word of ordinary English that only looks like a place's name:
        "going down the wrong path" and "what can be done" are not Downe (Bromley). A borough's
        name, which everyone knows, may be misspelt one letter out as a common word ("Barnett", a
        surname, is Barnet), but not two ("having a hard time" is not Havering). A common word
        after "our", "my" or "their" is the thing itself, not a place of that name ("a man from our
        temple" is not Temple, in the City), unless ``typed`` (the text as written) gives it a
        capital ("our Soho drop-in"), or it is a borough's own name ("our croydon branch")."""
        if span.end - span.start != 1:
            return False
        word, phrase = words[span.start], clean(span.phrase)
        if word not in self._common_words:
            return False
        if span.start and words[span.start - 1] in _POSSESSIVES:
            # (a borough's own name is its place even so: "our croydon branch")
            if span.target.startswith("borough:") and word == phrase:
                return False
            return next(capitalised_in(word, typed), None) is None
        if word == phrase:
            return False
        return not (span.target.startswith("borough:") and Levenshtein.distance(word, phrase) <= 1)

    def _choose_homonym(self, best: PhraseMatch, spans: Sequence[PhraseMatch], towns: Sequence[PhraseMatch]
                        ) -> tuple[str, tuple[int, int], tuple[str, ...]]:
        """The place a name means when places in several boroughs share it ("Hayes"), its words, and
        the places of the name not chosen: the one in a borough named next to it ("Hayes, Bromley"),
        whose name is then part of the place's words; else the first listed (the gazetteer lists the
        larger first), and the others are said to exist. A place of ``towns`` (the spans that may be
        the place) right after it, in another borough, is its town ("North End, Croydon")."""
        # The best span and a span next to it, either way round: a shared name and a borough's.
        for other in spans:
            if other.start != best.end and other.end != best.start:
                continue
            for place, borough in ((best, other), (other, best)):
                if borough.target.startswith("borough:"):
                    code = borough.target.partition(":")[2]
                    chosen = next((t for t in self._place_homonyms.get(clean(place.phrase), ())
                                   if self._place_borough(t) == code), None)
                    if chosen is not None:
                        return chosen, (min(best.start, other.start), max(best.end, other.end)), ()
        # A name shared by places in several boroughs, with another place named in one of those
        # boroughs ("postcode thing between Stonebridge and Church End"): the one in that borough.
        targets = self._place_homonyms.get(clean(best.phrase), ())
        if best.target in targets:
            chosen = self._one_in_a_named_borough(
                targets, [s for s in spans if s.end <= best.start or s.start >= best.end])
            if chosen is not None and chosen != best.target:
                return chosen, (best.start, best.end), tuple(t for t in targets if t != chosen)
        # A street's name, then its town ("North End, Croydon"; "South Street Romford"): the town,
        # where the place of the street's name is in another borough.
        town = next((s for s in towns if s.start == best.end and best.target.startswith("place:")), None)
        if town is not None and self._place_borough(town.target) != self._place_borough(best.target):
            return town.target, (best.start, town.end), ()
        if best.target not in targets:
            return best.target, (best.start, best.end), ()
        return best.target, (best.start, best.end), tuple(t for t in targets if t != best.target)

    def _run_together(self, words: Sequence[str], explicit: bool) -> list[PhraseMatch]:
        """The place two or three neighbouring ``words`` name when run together ("in rum ford" is
        Romford), as the best match of the joined vocabulary (:func:`joined_places`; longest run
        first, then the higher score), with the gazetteer's phrase; none when no run comes within
        the place cutoff. Only a run right after "in", "near", "at" … is tried (``explicit``: the
        words are what follows one): run together, ordinary words elsewhere come close to places
        ("ending up back inside" to Barkingside, "I can not" to Cannon Street). Nor is a run whose
        words are a place's as written (the reading that turned that place down stands), one that
        begins with "the", "my" …, or one whose words are all words the register or the thesaurus
        reads ("in car park" is no Cator Park)."""
        starts = [0] if explicit else [k for k in range(1, len(words)) if words[k - 1] in _RUN_AFTER]
        runs = [(start, start + size) for size in (3, 2) for start in starts if start + size <= len(words)
                and words[start] not in _NOT_A_PLACE_START
                and not self._all_known(" ".join(words[start:start + size]))]
        if not runs:
            return []
        found = []
        for m in match_spans([_joined(" ".join(words[a:b])) for a, b in runs], self.joined_place_vocabulary,
                             cutoff=PLACE_CUTOFF, max_span=1, min_chars=5):
            (a, b), phrase = runs[m.start], self._joined_phrases[m.phrase]
            if clean(phrase) != " ".join(words[a:b]):
                found.append(PhraseMatch(m.target, phrase, m.score, a, b))
        return sorted(found, key=lambda m: (m.start - m.end, -m.score, m.start))[:1]

    def _homonym_named_elsewhere(self, target: str, others: tuple[str, ...], words: Sequence[str], original: str
                                 ) -> tuple[str, tuple[str, ...]]:
        """Of a shared name's places (``target``, chosen first, and ``others``), the one in the
        borough of the one other place ``words`` (the whole text) name, if exactly one is; else
        the same choice."""
        targets = (target, *others)
        chosen = self._one_in_a_named_borough(targets, [
            s for s in match_spans(words, self.place_vocabulary, cutoff=PLACE_CUTOFF, max_span=4, min_chars=3)
            if not self._a_word_not_a_place(s, words, original)])
        if chosen is None or chosen == target:
            return target, others
        return chosen, tuple(t for t in targets if t != chosen)

    def _one_in_a_named_borough(self, targets: Sequence[str], spans: Sequence[PhraseMatch]) -> str | None:
        """Of a shared name's places ``targets``, the one in the borough of a place ``spans`` name
        (spans of the name itself aside), when exactly one is; else None."""
        named = {self._place_borough(s.target) for s in spans if s.target not in targets}
        beside = [t for t in targets if self._place_borough(t) in named]
        return beside[0] if len(beside) == 1 else None

    def _borough(self, code: str):
        known = self._boroughs_by_code
        return known[code] if code in known else self.geography.borough_by_code(code)

    def _place_borough(self, target: str) -> str:
        kind, _, key = target.partition(":")
        return key if kind == "borough" else self.geography.places[int(key)].borough_code

    def _slipped_place(self, word: str) -> str | None:
        """The one-word place name ``word`` is with one slip of a finger undone (:func:`slips`: two
        neighbouring letters swapped back, "ilfrod" -> "ilford", or a key beside the one meant,
        "camdem" -> "camden"), or None: the first letter is never changed, and a word of five
        letters or fewer, a place's name itself, a word the register uses or a common English
        word is left as it is."""
        names = self.place_vocabulary.first
        if len(word) < 6 or word in names or word in self._word_set or word in self._common_words:
            return None
        return next((candidate for candidate in slips(word) if candidate in names), None)

    def _known_district(self, label: str) -> bool:
        try:
            return self.geography.postcodes.lookup(label).kind == "district"
        except ValueError:
            return False

    def _known_postcode(self, label: str) -> bool:
        try:
            self.geography.postcodes.lookup(label)
        except ValueError:
            return False
        return True

    def _location_for(self, target: str) -> Location:
        kind, _, ref = target.partition(":")
        if kind == "borough":
            borough = self._borough(ref)
            point = self._borough_points.get(ref) or _borough_point(self.geography, ref)
            return Location("borough", borough.name, point[0], point[1], ref)
        place = self.geography.places[int(ref)]
        return Location("place", place.name, place.latitude, place.longitude, place.borough_code)


#: ("her" is left out: "... wants to meet her. Wimbledon" names Wimbledon.)
_POSSESSIVES = frozenset("my our their your".split())
#: Place names that may mean London as a whole: another place named beside one is where the person is.
_VAGUE_PLACES = frozenset({"the city"})
#: Words that stand for a place-name word after another word (one for one, so spans keep their places).
_PLACE_WORD_FORMS = {"parkrun": "park", "parkruns": "park"}
#: The words after which a run of words is tried as a place's name split apart (:meth:`PlaceReading._run_together`).
_RUN_AFTER = frozenset("in near at around from by".split())
_NOT_A_PLACE_START = _POSSESSIVES | frozenset("his her the a an this that".split())


def _joined(text: str) -> str:
    """``text`` without its spaces and apostrophes: words run together ("i'll ford": "illford")."""
    return text.replace(" ", "").replace("'", "").replace("\u2019", "")


def joined_places(vocabulary: Vocabulary) -> tuple[Vocabulary, dict[str, str]]:
    """The place vocabulary's phrases run together (:func:`_joined`; "shepherdsbush"), with the
    same targets, and for each the phrase it was made from (the first, where two run together
    alike); vague places ("the city") are left out."""
    phrases: dict[str, str] = {}
    pairs = []
    for phrase, target in zip(vocabulary.phrases, vocabulary.targets):
        if clean(phrase) in _VAGUE_PLACES:
            continue
        key = _joined(clean(phrase))
        phrases.setdefault(key, phrase)
        pairs.append((key, target))
    return build_vocabulary(pairs), phrases


def _a_clause(text: str) -> bool:
    """True when what follows "in" or "near" is a clause rather than a place's name: it starts
    with "my", "the", "a" ... ("girl in my class was raped"), or holds more than three words that are
    not stopwords ("touched me in bus without permission where I report")."""
    words = text.split()
    return bool(words) and (words[0] in _NOT_A_PLACE_START or len(content_words(words)) > 3)

"""Building a search index: the BM25 index of every field, the forms of services' names, the
thesaurus kept to the register's service areas, and the places' reference points."""

from __future__ import annotations

import re
from typing import Any, Sequence

import numpy as np

from explorer.domain.query import build_reach, clean
from explorer.domain.text import Analyzer
from explorer.domain.thesaurus import Thesaurus, parse_thesaurus
from explorer.services.snapshot import ServiceEntry, Snapshot

#: Per-field weights of the ranking (BM25F by repetition): a word in a service's name counts
#: three times one in its description.
FIELD_WEIGHTS = {"name": 3, "provider": 2, "programme": 2, "areas": 2, "keywords": 1, "description": 1}
#: How a description's note on a sample record begins: what follows says which of the record's
#: figures are assumed, not what the service does.
SAMPLE_NOTE = "Sample record:"
#: Words of service-area names too general to stand for that area on their own.
GENERIC_WORDS = frozenset({"crime", "early", "reducing", "and", "help", "safety", "against"})
_NO_WORDS = "\u2205"


def what_it_does(description: str) -> str:
    """``description`` without its note on a sample record (:data:`SAMPLE_NOTE` and what follows),
    which the page shows but a search should not read: "Sample record: ... Funding after March 2026
    is not published" matched "my record" and "got out in March"."""
    return description.split(SAMPLE_NOTE, 1)[0].strip()


def _name_words(term, terms) -> tuple[str, ...]:
    """The words of a service area's name that no other area's name uses ("reoffending")."""
    counts: dict[str, int] = {}
    for other in terms:
        for word in set(clean(other.name).split()):
            counts[word] = counts.get(word, 0) + 1
    return tuple(
        w for w in clean(term.name).split()
        if counts.get(w) == 1 and w not in GENERIC_WORDS and len(w) > 3
    )


def borough_names(name: str) -> tuple[str, ...]:
    """A borough's name and the short names people use: "Kingston", "Hammersmith", "Fulham", and
    the City's "the City" and "the Square Mile"."""
    names = [name]
    if " upon " in name:
        names.append(name.split(" upon ")[0])
    if " and " in name:
        names.extend(part.strip() for part in name.split(" and "))
    if name == "City of London":
        names.extend(("the City", "Square Mile"))
    return tuple(names)


#: The short forms of a place name's last word that people type, as on signs, bus blinds and
#: addresses ("Liverpool St", "Old Kent Rd", "Leicester Sq", "Bethnal Grn", "Kings X", "Clapham Jct").
STREET_ABBREVIATIONS = {
    "Street": ("St",), "Road": ("Rd",), "Square": ("Sq",), "Green": ("Grn",), "Park": ("Pk",),
    "Cross": ("X",), "Junction": ("Jct", "Jn"), "Station": ("Stn",), "Lane": ("Ln",), "Heath": ("Hth",),
    "Hospital": ("Hosp",), "Gardens": ("Gdns",), "Avenue": ("Ave",), "Broadway": ("Bdwy",),
}
#: The last words of a street whose market is named after it ("Ridley Road Market").
_MARKET_STREETS = ("Street", "Road")
#: How a school's or college's name ends, longest first: pupils and parents say the rest ("at
#: Villiers", "outside Mossbourne", "Newham Sixth Form").
SCHOOL_ENDINGS = (" Community High School", " Community School", " Community College", " Technology College",
                  " Catholic College", " Grammar School", " Sixth Form College", " High School", " Academy",
                  " School", " College")


def capitalised_names(names: Sequence[str], common_words: frozenset[str], known: frozenset[str]) -> tuple[str, ...]:
    """The one-word names of stations that are ordinary words ("Bank" for Bank Station): people
    name the station without "station" ("groped on the tube at Bank"), but "bank" is also every
    bank, so such a name is read as the place only where it is written with a capital
    (:func:`explorer.domain.query.written_as_a_name`). A name the gazetteer already has is left to it."""
    heads = (name.rpartition(" ")[0] for name in names if name.endswith(" Station"))
    return tuple(h for h in heads if h and " " not in h and h.lower() in common_words and h.lower() not in known)


def place_names(name: str, common_words: frozenset[str] = frozenset(),
                known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """A gazetteer place's name and the short forms people type: "Liverpool St" for "Liverpool
    Street", "Bethnal Grn", "Kings X" (:data:`STREET_ABBREVIATIONS`; only the last word is
    shortened: "St" first is Saint, as in "St Pancras"); for an estate, its own name ("the
    Kingsmead", "behind Chalkhill"), unless another place has it ("Church End Estate" is Brent's only
    with "Estate"); for a shopping centre, the
    name with and without "Shopping" ("Bentall Shopping Centre", "Treaty Centre") and its own name
    ("the Whitgift"); for a street market, the street ("Ridley Road"); for a school or college
    (:data:`SCHOOL_ENDINGS`), its own name ("Villiers"), and "Villiers High" or "Newham Sixth Form"
    where the name says so. A place's own name is left
    out when it is an ordinary word (``common_words``: "Ocean" is the Ocean Estate only with
    "Estate", "Liberty" the Liberty Shopping Centre only with "Centre"), a name the gazetteer
    already has (``known``, lower case: "Stratford Centre" is not Stratford) or a saint's ("St
    Nicholas Centre": there are many)."""
    def stands_alone(own: str) -> bool:  # (not an ordinary word, nor a name the gazetteer has)
        return own.lower() not in common_words and own.lower() not in known

    def alone_and_no_saint(own: str) -> bool:  # (a saint's name is many places': "St Nicholas")
        return stands_alone(own) and not own.startswith(("St ", "Saint "))

    head, _, last = name.rpartition(" ")
    if head and last == "Estate":
        return (name, head) if stands_alone(head) else (name,)
    ending = next((e for e in SCHOOL_ENDINGS if name.endswith(e) and len(name) > len(e)), None)
    if ending is not None:
        own = name[: -len(ending)]
        short = [f"{own} High"] if "High" in ending else []  # ("Woodside High", though Woodside is Croydon)
        short += [f"{own} Sixth Form"] if "Sixth Form" in ending else []
        if alone_and_no_saint(own):
            short.append(own)
        return (name, *short)
    if head and last == "Centre":
        own = head.removesuffix(" Shopping")
        other = f"{own} Centre" if own != head else f"{own} Shopping Centre"
        return (name, other, own) if alone_and_no_saint(own) else (name, other)
    if head and last == "Market" and head.rpartition(" ")[2] in _MARKET_STREETS:
        # a street market is the street too ("Ridley Road Market": "Ridley Road", "Ridley Rd")
        return (name, *place_names(head))
    shorts = STREET_ABBREVIATIONS.get(last, ()) if head else ()
    return (name, *(f"{head} {short}" for short in shorts))


def _bm25_index(snapshot: Snapshot, services: Sequence[ServiceEntry], analyzer: Analyzer):
    """A BM25 index (``bm25s``, Lucene variant) of every field, weighted by repetition (BM25F-style).

    Returns the index and every cleaned word of the register (the vocabulary for typo correction).
    """
    term_text = {t.id: (t.name, " ".join(t.synonyms)) for t in snapshot.terms}
    corpus: list[list[str]] = []
    surface: set[str] = set()
    # Providers, programmes and service areas repeat across a register: each distinct text is read once.
    stems_of: dict[str, list[str]] = {}
    for s in services:
        names = [term_text.get(t, ("", "")) for t in s.term_ids]
        fields = {
            "name": s.name,
            "provider": s.provider_name,
            "programme": s.programme,
            "areas": " ".join(n for n, _ in names),
            "keywords": " ".join(k for _, k in names),
            "description": " ".join(x for x in (what_it_does(s.description), s.eligibility) if x),
        }
        tokens: list[str] = []
        for key, text in fields.items():
            stems = stems_of.get(text)
            if stems is None:
                words = analyzer.words(text)
                surface.update(words)
                stems = stems_of[text] = analyzer.stems(words)
            tokens.extend(stems * FIELD_WEIGHTS[key])
        corpus.append(tokens)
    # bm25s needs at least one token: a service with no words (or an empty register) gets a
    # placeholder no query can produce (queries are cleaned to letters and digits).
    corpus = [doc or [_NO_WORDS] for doc in corpus] or [[_NO_WORDS]]
    import bm25s  # only to build an index

    index = bm25s.BM25(method="lucene")
    index.index(corpus, show_progress=False)
    return index, surface


def _name_forms(services: Sequence[ServiceEntry]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Each service's name, its name without brackets and what the brackets hold ("VESS").

    Returns the distinct forms and, for form ``f``, its services ``owners[ptr[f]:ptr[f + 1]]``.
    """
    owners_of: dict[str, list[int]] = {}
    for i, s in enumerate(services):
        outside = re.sub(r"\([^)]*\)", " ", s.name)
        inside = re.findall(r"\(([^)]*)\)", s.name)
        seen = set()
        for text in (s.name, outside, *inside):
            form = clean(text)
            if form.startswith("the "):
                form = form[4:]
            # "Survivors Gateway" names "London Survivors Gateway"
            for variant in (form, form[7:] if form.startswith("london ") else ""):
                if len(variant) >= 4 and variant not in seen:
                    seen.add(variant)
                    owners_of.setdefault(variant, []).append(i)
    forms = list(owners_of)
    counts = np.array([len(owners_of[f]) for f in forms], dtype=np.int64)
    ptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    owners = np.array([i for f in forms for i in owners_of[f]], dtype=np.int64)
    return forms, ptr, owners


def name_form_tables(forms: Sequence[str], cutoff: float) -> dict[str, Any]:
    """The tables :meth:`QueryReading._named` reads, by attribute name: the forms by length (with
    their positions, lengths, reach for ``cutoff`` and where each length starts) and in sorted order
    (for the start of a long name)."""
    by_length = sorted(range(len(forms)), key=lambda i: len(forms[i]))
    forms_by_length = [forms[i] for i in by_length]
    form_lengths = np.array([len(f) for f in forms_by_length], dtype=np.int64)
    by_form = sorted(range(len(forms)), key=forms.__getitem__)
    sorted_forms = [forms[i] for i in by_form]
    return {
        "_forms_by_length": forms_by_length,
        "_length_form": np.array(by_length, dtype=np.int64),
        "_form_lengths": form_lengths,
        "_form_reach": build_reach(forms_by_length, cutoff),  # (compared only with forms in reach)
        "_form_length_starts": length_starts(form_lengths),
        "_sorted_forms": sorted_forms,
        "_sorted_form": np.array(by_form, dtype=np.int64),
        "_sorted_lengths": np.array([len(f) for f in sorted_forms], dtype=np.int64),
    }


def length_starts(lengths: Sequence[int]) -> list[int]:
    """For sorted ``lengths``: entry ``n`` is where length ``n`` starts (``np.searchsorted(lengths,
    n)``), for ``n`` from 0 to one past the longest; the last entry is ``len(lengths)``."""
    top = int(lengths[-1]) if len(lengths) else 0
    return np.searchsorted(np.asarray(lengths), np.arange(top + 2), side="left").tolist()


def place_homonyms(vocabulary: Any, places: Sequence[Any]) -> dict[str, tuple[str, ...]]:
    """The place names shared by places in more than one borough ("hayes": Hillingdon, Bromley),
    each with its places' targets in the gazetteer's order (the first is the one a bare name means)."""
    by_name: dict[str, list[str]] = {}
    for processed, target in zip(vocabulary.processed, vocabulary.targets):
        if target.startswith("place:"):
            by_name.setdefault(processed, []).append(target)
    return {
        name: tuple(targets) for name, targets in by_name.items()
        if len({places[int(t.partition(":")[2])].borough_code for t in targets}) > 1
    }


def boroughs_by_code(geography: Any, codes: Sequence[str]) -> dict[str, Any]:
    """``geography.borough_by_code(code)`` for each of the register's borough codes (those the place
    vocabulary names), so reading a place looks a borough up without a scan of the table."""
    return {code: geography.borough_by_code(code) for code in codes}


def _load_thesaurus(geography: Any, snapshot: Snapshot, analyzer: Analyzer) -> Thesaurus:
    """The thesaurus shipped with the reference data, keeping only rows whose areas this register has."""
    text = getattr(geography, "thesaurus_text", "") or ""
    if not text:
        return Thesaurus((), (), ())
    known = {t.id for t in snapshot.terms}
    thesaurus = parse_thesaurus(text, topics=_all_topics(text), stem=analyzer.stem)
    if all(t in known for e in thesaurus.entries for t in e.topics):
        return thesaurus
    return parse_thesaurus(_drop_unknown_topics(text, known), topics=known, stem=analyzer.stem)


def _all_topics(text: str) -> set[str]:
    import csv
    import io

    return {t for row in csv.DictReader(io.StringIO(text)) for t in (row.get("topics") or "").split(";") if t}


def _drop_unknown_topics(text: str, known: set[str]) -> str:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()) if rows else ["phrase"], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        row["topics"] = ";".join(t for t in (row.get("topics") or "").split(";") if t in known)
        if row["topics"] or row.get("words") or row.get("audience"):
            writer.writerow(row)
    return out.getvalue()


def _borough_point(geography: Any, code: str) -> tuple[float, float]:
    borough = geography.borough_by_code(code)
    for p in geography.places:
        if p.borough_code == code and borough is not None and clean(p.name) == clean(borough.name):
            return p.latitude, p.longitude
    same = [p for p in geography.places if p.borough_code == code]
    if same:
        return (sum(p.latitude for p in same) / len(same), sum(p.longitude for p in same) / len(same))
    return 51.5072, -0.1276

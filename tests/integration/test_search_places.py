"""Place parsing: a London district is a district unless the next word completes a sector.

Covers every London postcode district that is also the prefix of another (N1/N15, SE1/SE15,
E1/E14, W1/W10, DA1/DA14 ...), read from the postcode index itself.
"""

from __future__ import annotations

import pytest

from explorer.domain.postcode_in_text import find_postcode
from explorer.services.search import SearchIndex
from explorer.services.snapshot import SnapshotProvider


def _prefix_pairs():
    from explorer.reference.postcodes import PostcodeIndex
    from explorer.settings import Settings

    districts = set(PostcodeIndex.load(Settings.from_env().cache_dir).districts)
    return sorted((a, b) for a in districts for b in districts if b != a and b.startswith(a) and b[len(a):].isdigit())


PAIRS = _prefix_pairs()


def test_the_known_prefix_pairs_are_all_there():
    assert {("N1", "N15"), ("SE1", "SE15"), ("E1", "E14"), ("W1", "W10")} <= set(PAIRS)
    assert len(PAIRS) >= 90


@pytest.fixture(scope="module")
def index(sample_db, geography):
    from explorer.store.store import Store, sqlite_url

    store = Store.open(sqlite_url(sample_db))
    yield SearchIndex(SnapshotProvider(store, geography).current(), geography)
    store.dispose()


@pytest.mark.parametrize("short, long", PAIRS)
def test_a_longer_district_followed_by_a_word_is_that_district(index, geography, short, long):
    for query in (f"{long} youth", f"youth {long}", f"{long.lower()} domestic abuse", long):
        location = index.search(query).understood.location
        assert location is not None and (location.kind, location.label) == ("district", long), query
        assert location.borough_code == geography.postcodes.districts[long].borough_code


@pytest.mark.parametrize("short, long", PAIRS)
def test_the_shorter_district_with_a_sector_digit_is_a_sector(index, geography, short, long):
    digit = long[len(short):][0]
    sector = f"{short} {digit}"
    location = index.search(f"youth {sector}").understood.location
    if sector in geography.postcodes.sectors:
        assert location is not None and (location.kind, location.label) == ("sector", sector)
    else:  # no such sector: the district alone, never a made-up sector
        assert location is not None and location.label in {short, long}


@pytest.mark.parametrize(
    "text, expected",
    [("N15 youth", "N15"), ("youth N15", "N15"), ("N1 5 youth", "N1 5"), ("n1 5aa", "N1 5AA"),
     ("SE15 knife crime", "SE15"), ("SE1 5", "SE1 5"), ("e14 hate crime", "E14"), ("W10", "W10"),
     ("se154ab", "SE15 4AB"), ("SE154", "SE154")],
)
def test_find_postcode_reads_a_district_before_a_word_as_a_district(text, expected):
    found = find_postcode(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("query, borough", [
    ("husband in wandsworth prison, support for families", "E09000032"),  # HMP Wandsworth, in Wandsworth
    ("my son is in brixton prison", "E09000022"),  # HMP Brixton, in Lambeth
    ("my brother is in feltham prison, we live in hayes", "E09000017"),  # the other place is where they live
])
def test_a_place_whose_next_word_makes_a_prison_is_both(index, query, borough):
    """A place's name and the word after it that together name a prison ("Wandsworth prison") say
    where and what: the place, and the prison's topic (reducing reoffending)."""
    result = index.search(query, limit=3)
    assert result.understood.location.borough_code == borough
    assert result.understood.terms[0] == "reducing-reoffending", result.summary
    assert "prison" not in result.understood.words, result.summary  # (read in the row, not as a loose word)


@pytest.mark.parametrize("query", ["youth club in brixton, my dad is in prison", "help for families of prisoners Wandsworth"])
def test_a_place_and_a_prison_apart_are_not_one_name(index, query):
    """Only the word right after the place makes the prison's name: the place is not read again as
    a word of the row ("Wandsworth" is not shown as a word searched for)."""
    result = index.search(query, limit=3)
    assert not any(w in ("brixton", "wandsworth") for w in result.understood.words), result.summary


@pytest.mark.parametrize("query", ["help for families, can't afford to visit my husband in prison over christmas",
                                   "giving evidence against someone in court can i be behind a screen"])
def test_what_follows_in_starting_with_a_topics_word_is_no_unknown_place(index, query):
    """What follows the last "in" is no place London lacks when its first word is one the register
    or the thesaurus reads ("in prison over christmas", "in court can i ..."): the page does not say
    "'prison over christmas' is not a London place we know"."""
    understood = index.search(query, limit=3).understood
    assert not understood.place_not_found and understood.location is None, understood


def test_a_place_london_lacks_is_still_said(index):
    understood = index.search("domestic abuse help in Pakistan", limit=3).understood
    assert understood.place_not_found == "pakistan"

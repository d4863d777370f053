"""Unit tests: the London postcode index (full postcodes, sectors, districts and what is refused)."""

from __future__ import annotations

import random
import time

import numpy as np
import pytest

from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.reference.postcodes import PostcodeIndex, PostcodeNotFound, looks_like_postcode

# A box that holds all of Greater London with a little room (WGS84).
SOUTH, NORTH, WEST, EAST = 51.25, 51.72, -0.53, 0.35


@pytest.mark.parametrize(
    ("text", "label", "borough"),
    [
        ("SE15 4AB", "SE15 4AB", "E09000028"),  # Southwark
        ("se154ab", "SE15 4AB", "E09000028"),
        (" se15  4ab ", "SE15 4AB", "E09000028"),
        ("Se15\t4aB\n", "SE15 4AB", "E09000028"),
        ("ＳＥ１５ ４ＡＢ", "SE15 4AB", "E09000028"),  # full-width characters from a phone keyboard
        ("SW1A 1AA", "SW1A 1AA", "E09000033"),  # Buckingham Palace, Westminster
        ("sw1a2aa", "SW1A 2AA", "E09000033"),  # Downing Street
        ("HA9 0WS", "HA9 0WS", "E09000005"),  # Wembley Stadium, Brent
        ("N17 0BX", "N17 0BX", "E09000014"),  # Tottenham, Haringey
        ("SE10 0DX", "SE10 0DX", "E09000011"),  # Greenwich peninsula
        ("TW6 1EW", "TW6 1EW", "E09000017"),  # Heathrow, Hillingdon
        ("EC2N 2DB", "EC2N 2DB", "E09000001"),  # City of London
        ("E20 2ST", "E20 2ST", "E09000025"),  # Olympic Park, Newham
        ("RM1 3BD", "RM1 3BD", "E09000016"),  # Romford, Havering
        ("KT1 1EU", "KT1 1EU", "E09000021"),  # Kingston upon Thames
        ("CR0 1NX", "CR0 1NX", "E09000008"),  # Croydon
        ("TW9 1TN", "TW9 1TN", "E09000027"),  # Richmond
        ("SE1 7PB", "SE1 7PB", "E09000022"),  # Lambeth
        ("E14 5AB", "E14 5AB", "E09000030"),  # Canary Wharf, Tower Hamlets
    ],
)
def test_full_postcodes_are_found_in_any_case_and_spacing(postcodes, text, label, borough):
    match = postcodes.lookup(text)
    assert (match.kind, match.label, match.borough_code) == ("postcode", label, borough)
    assert SOUTH < match.latitude < NORTH and WEST < match.longitude < EAST


@pytest.mark.parametrize(
    ("text", "kind", "label", "borough"),
    [
        ("SE15 4", "sector", "SE15 4", "E09000028"),
        ("se15 4", "sector", "SE15 4", "E09000028"),
        ("SE154", "sector", "SE15 4", "E09000028"),  # no district SE154, so the sector SE15 4
        ("N1 2", "sector", "N1 2", "E09000019"),  # the space makes it a sector...
        ("N12", "district", "N12", "E09000003"),  # ...without it, N12 is a district (Barnet)
        ("E1 4", "sector", "E1 4", "E09000030"),
        ("E14", "district", "E14", "E09000030"),
        ("SE15", "district", "SE15", "E09000028"),
        (" se15 ", "district", "SE15", "E09000028"),
        ("SW1A", "district", "SW1A", "E09000033"),
        ("SW1", "district", "SW1", "E09000033"),  # SW1 as a whole: SW1A, SW1E, … together
        ("W1", "district", "W1", "E09000033"),
        ("EC1", "district", "EC1", "E09000019"),
        ("N1C", "district", "N1C", "E09000007"),  # a sub-district of N1 in Camden
    ],
)
def test_sectors_and_districts_are_found(postcodes, text, kind, label, borough):
    match = postcodes.lookup(text)
    assert (match.kind, match.label, match.borough_code) == (kind, label, borough)
    assert SOUTH < match.latitude < NORTH and WEST < match.longitude < EAST


@pytest.mark.parametrize(
    ("text", "reason", "message"),
    [
        ("", "empty", "No postcode was given"),
        ("   ", "empty", "No postcode was given"),
        ("\n\t", "empty", "No postcode was given"),
        ("hello", "malformed", '"hello" is not a postcode'),
        ("<script>alert(1)</script>", "malformed", "is not a postcode"),
        ("😀", "malformed", '"😀" is not a postcode'),
        ("x" * 5000, "malformed", "is not a postcode"),
        ("SE15 4A", "malformed", '"SE15 4A" is not a postcode'),
        ("SE1 54AB 9", "malformed", "is not a postcode"),
        ("12345", "malformed", '"12345" is not a postcode'),
        ("SE15 4AB; DROP TABLE", "malformed", "is not a postcode"),
        ("\x00", "empty", "No postcode was given"),
        ("ZZ9 9ZZ", "not_london", '"ZZ9 9ZZ" is not a London postcode'),
        ("M1 1AE", "not_london", '"M1 1AE" is not a London postcode'),  # Manchester
        ("B1 1AA", "not_london", '"B1 1AA" is not a London postcode'),  # Birmingham
        ("EH1 1YZ", "not_london", '"EH1 1YZ" is not a London postcode'),  # Edinburgh
        ("gu1 1aa", "not_london", '"gu1 1aa" is not a London postcode'),  # Guildford
        ("M1 1", "not_london", '"M1 1" is not a London postcode sector'),
        ("M1", "not_london", '"M1" is not a London postcode district'),
        ("ZZ99", "not_london", '"ZZ99" is not a London postcode district'),
    ],
)
def test_other_text_is_refused_with_a_reason(postcodes, text, reason, message):
    with pytest.raises(PostcodeNotFound) as caught:
        postcodes.lookup(text)
    assert caught.value.reason == reason
    assert message in str(caught.value)
    assert len(str(caught.value)) < 200, "a long input is shortened in the message"


def test_not_found_is_a_value_error(postcodes):
    with pytest.raises(ValueError):
        postcodes.lookup("M1 1AE")


def test_a_non_string_is_a_type_error(postcodes):
    with pytest.raises(TypeError, match="text"):
        postcodes.lookup(None)  # type: ignore[arg-type]


def test_no_string_raises_anything_but_not_found(postcodes):
    generator = random.Random(20250320)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789  \t\n<>&\"'%;/\\ÆßİŉǅＳ１\u200b\u00a0😀\x00"
    texts = ["".join(generator.choice(alphabet) for _ in range(generator.randint(0, 12))) for _ in range(3000)]
    texts += [chr(code) for code in range(0, 0x3000, 7)]
    for text in texts:
        try:
            match = postcodes.lookup(text)
        except PostcodeNotFound:
            continue
        assert match.borough_code in LONDON_BOROUGH_CODES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SE15 4AB", True),
        ("se154ab", True),
        ("EC1A 1BB", True),
        ("SE15 4", True),
        ("SE15", True),
        ("N12", True),
        ("M1 1AE", True),  # shaped like a postcode, even though it is not in London
        ("W1", True),
        ("Peckham", False),
        ("hello", False),
        ("", False),
        ("SE15 4A", False),
        ("youth violence", False),
        ("12", False),
        ("x" * 5000, False),
    ],
)
def test_looks_like_postcode(postcodes, text, expected):
    assert postcodes.looks_like_postcode(text) is expected
    assert looks_like_postcode(text) is expected


@pytest.mark.parametrize("outcode", ["SE15", "se15", " SE15 ", "SW1", "EC1A"])
def test_district_centroid_of_a_london_district(postcodes, outcode):
    latitude, longitude = postcodes.district_centroid(outcode)
    assert SOUTH < latitude < NORTH and WEST < longitude < EAST


@pytest.mark.parametrize("outcode", ["M1", "ZZ9", "", "SE15 4", "hello"])
def test_district_centroid_of_anything_else_is_none(postcodes, outcode):
    assert postcodes.district_centroid(outcode) is None


def test_the_index_holds_every_london_postcode_and_only_london(postcodes):
    assert 300_000 < len(postcodes) < 360_000
    assert postcodes.borough_codes == LONDON_BOROUGH_CODES
    assert set(np.unique(postcodes.borough_index)) == set(range(33)), "every borough has postcodes"
    assert np.all(postcodes.keys[:-1] < postcodes.keys[1:]), "keys are sorted and distinct"
    assert SOUTH < postcodes.latitudes.min() and postcodes.latitudes.max() < NORTH
    assert WEST < postcodes.longitudes.min() and postcodes.longitudes.max() < EAST
    assert 1_000 < len(postcodes.sectors) < 2_000 and 250 < len(postcodes.districts) < 400
    assert "Open Government Licence" in postcodes.source


def test_the_index_arrays_are_read_only(postcodes):
    with pytest.raises(ValueError):
        postcodes.latitudes[0] = 0.0


def test_every_sector_and_district_centroid_is_in_london(postcodes):
    for match in [*postcodes.sectors.values(), *postcodes.districts.values()]:
        assert SOUTH < match.latitude < NORTH and WEST < match.longitude < EAST, match
        assert match.borough_code in LONDON_BOROUGH_CODES


def test_loading_the_cached_index_is_fast(reference_cache):
    started = time.perf_counter()
    index = PostcodeIndex.load(reference_cache)
    elapsed = time.perf_counter() - started
    assert len(index) > 300_000
    assert elapsed < 0.5, f"loading the index took {elapsed:.2f} s"


def test_lookups_are_fast(postcodes):
    started = time.perf_counter()
    for _ in range(1_000):
        postcodes.lookup("SE15 4AB")
        postcodes.lookup("SE15 4")
    assert time.perf_counter() - started < 0.5

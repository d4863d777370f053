"""Unit tests: the names a gazetteer place is found by."""

from __future__ import annotations

import pytest

from explorer.domain.query import written_as_a_name
from explorer.services.search.building import capitalised_names, place_names
from explorer.services.search.spans import place_names_in


def test_a_street_is_also_found_by_its_short_form_and_saint_is_not_shortened():
    assert place_names("Liverpool Street") == ("Liverpool Street", "Liverpool St")
    assert place_names("Old Kent Road") == ("Old Kent Road", "Old Kent Rd")
    assert place_names("St Pancras") == ("St Pancras",)
    assert place_names("Street") == ("Street",)


def test_a_place_is_found_by_the_short_forms_of_its_last_word_on_signs_and_bus_blinds():
    assert place_names("Leicester Square") == ("Leicester Square", "Leicester Sq")
    assert place_names("Bethnal Green") == ("Bethnal Green", "Bethnal Grn")
    assert place_names("King's Cross") == ("King's Cross", "King's X")
    assert place_names("Clapham Junction") == ("Clapham Junction", "Clapham Jct", "Clapham Jn")
    assert place_names("Rye Lane") == ("Rye Lane", "Rye Ln")
    assert place_names("Green") == ("Green",)  # a name of one word is not shortened


def test_an_estate_is_also_found_by_its_own_name_unless_that_is_an_ordinary_word():
    common = frozenset({"ocean", "the"})
    assert place_names("Kingsmead Estate", common) == ("Kingsmead Estate", "Kingsmead")
    assert place_names("Southampton Way Estate", common) == ("Southampton Way Estate", "Southampton Way")
    assert place_names("Ocean Estate", common) == ("Ocean Estate",)
    assert place_names("Estate", common) == ("Estate",)
    # a name another place has is left to it: "Church End" is still Church End, not Brent's estate
    assert place_names("Church End Estate", common, frozenset({"church end"})) == ("Church End Estate",)


def test_a_school_is_found_by_the_name_pupils_say():
    common = frozenset({"mulberry", "royal"})
    known = frozenset({"woodside", "stoke newington"})
    assert place_names("Mossbourne Academy", common, known) == ("Mossbourne Academy", "Mossbourne")
    assert place_names("Kingsford Community School", common, known) == ("Kingsford Community School", "Kingsford")
    assert place_names("Woodside High School", common, known) == ("Woodside High School", "Woodside High")
    assert place_names("Newham Sixth Form College", common, frozenset({"newham"})) == (
        "Newham Sixth Form College", "Newham Sixth Form")
    # an ordinary word, a place's name or a saint's is not the school alone
    assert place_names("Mulberry School for Girls", common, known) == ("Mulberry School for Girls",)
    assert place_names("Royal Academy", common, known) == ("Royal Academy",)
    assert place_names("Stoke Newington School", common, known) == ("Stoke Newington School",)
    assert place_names("St Aloysius College", common, known) == ("St Aloysius College",)


def test_a_shopping_centre_is_found_with_or_without_shopping_and_by_its_own_name():
    common = frozenset({"liberty", "broadway"})
    known = frozenset({"stratford"})
    assert place_names("Whitgift Centre", common, known) == ("Whitgift Centre", "Whitgift Shopping Centre", "Whitgift")
    assert place_names("Kingsland Shopping Centre", common, known) == (
        "Kingsland Shopping Centre", "Kingsland Centre", "Kingsland")
    # an ordinary word, a name the gazetteer already has, a saint's: only with "Centre"
    assert place_names("Liberty Shopping Centre", common, known) == ("Liberty Shopping Centre", "Liberty Centre")
    assert place_names("Stratford Centre", common, known) == ("Stratford Centre", "Stratford Shopping Centre")
    assert place_names("St Nicholas Centre", common, known) == ("St Nicholas Centre", "St Nicholas Shopping Centre")
    assert place_names("Centre") == ("Centre",)


def test_a_street_market_is_also_found_by_its_street_and_no_other_market_by_its_head():
    assert place_names("Ridley Road Market") == ("Ridley Road Market", "Ridley Road", "Ridley Rd")
    assert place_names("Chrisp Street Market") == ("Chrisp Street Market", "Chrisp Street", "Chrisp St")
    assert place_names("Queens Market") == ("Queens Market",)
    assert place_names("Broadway Market") == ("Broadway Market",)


def test_a_borough_is_also_found_by_the_short_names_people_use():
    from explorer.services.search.building import borough_names

    assert borough_names("Kingston upon Thames") == ("Kingston upon Thames", "Kingston")
    assert borough_names("Hammersmith and Fulham") == ("Hammersmith and Fulham", "Hammersmith", "Fulham")
    assert borough_names("City of London") == ("City of London", "the City", "Square Mile")


def test_a_station_named_by_an_ordinary_word_is_also_that_word():
    common = frozenset({"bank", "victoria"})
    names = ["Bank Station", "Victoria Station", "Euston Station", "London Bridge Station", "Bank of England"]
    # Victoria is already a place of its own; Euston is no ordinary word; London Bridge is two words.
    assert capitalised_names(names, common, frozenset({"victoria"})) == ("Bank",)


@pytest.mark.parametrize("typed, expected", [
    ("groped on the tube at Bank this morning", True),
    ("saw a fight near Bank, police want a statement", True),
    ("pretending to be my bank", False),  # the bank
    ("Bank was closed. mugged", False),  # first in a sentence: any word has a capital there
    ("fight after work. Bank again", False),
    ("fight on the Bank holiday in Croydon", False),
    ("fight on the Bank Holiday in Croydon", False),
    ("someone robbed me at BANK", False),  # all capitals say nothing about the word
])
def test_an_ordinary_word_is_a_name_only_where_written_with_a_capital(typed, expected):
    assert written_as_a_name("bank", typed) is expected


def test_a_second_place_named_in_full_is_found_word_by_word_so_it_is_no_topic_word():
    """"we had support in Tower Hamlets years ago": both words of the other place are a place's
    name, not words to search services' text for."""
    names = {"tower hamlets": 0, "enfield": 1, "canary wharf": 2}
    words = "attack on my dad we had support in tower hamlets years ago".split()
    assert place_names_in(words, names) == {8, 9}
    assert place_names_in("i work in canary wharf near enfield".split(), names) == {3, 4, 6}
    assert place_names_in("tower block".split(), names) == set()

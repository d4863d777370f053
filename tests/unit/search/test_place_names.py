"""Unit tests: the names a gazetteer place is found by."""

from __future__ import annotations

from explorer.services.search.building import place_names


def test_a_street_is_also_found_by_its_short_form_and_saint_is_not_shortened():
    assert place_names("Liverpool Street") == ("Liverpool Street", "Liverpool St")
    assert place_names("Old Kent Road") == ("Old Kent Road", "Old Kent Rd")
    assert place_names("St Pancras") == ("St Pancras",)
    assert place_names("Street") == ("Street",)


def test_an_estate_is_also_found_by_its_own_name_unless_that_is_an_ordinary_word():
    common = frozenset({"ocean", "the"})
    assert place_names("Kingsmead Estate", common) == ("Kingsmead Estate", "Kingsmead")
    assert place_names("Southampton Way Estate", common) == ("Southampton Way Estate", "Southampton Way")
    assert place_names("Ocean Estate", common) == ("Ocean Estate",)
    assert place_names("Estate", common) == ("Estate",)


def test_a_borough_is_also_found_by_the_short_names_people_use():
    from explorer.services.search.building import borough_names

    assert borough_names("Kingston upon Thames") == ("Kingston upon Thames", "Kingston")
    assert borough_names("Hammersmith and Fulham") == ("Hammersmith and Fulham", "Hammersmith", "Fulham")
    assert borough_names("City of London") == ("City of London", "the City", "Square Mile")

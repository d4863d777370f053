"""Unit tests: what a listed service that only sits nearby in another borough says of itself."""

from __future__ import annotations

from explorer.services.search.model import BAND_COVERS, BAND_NEARBY, BAND_PAN, ResultItem


def _item(band: int, distance_km: float | None, sits_in: tuple[str, ...] = ()) -> ResultItem:
    return ResultItem(service=None, score=1.0, distance_km=distance_km, covers_place=band == BAND_COVERS,
                      band=band, sits_in=sits_in)


def test_a_service_nearby_in_another_borough_says_where_how_far_and_whom_it_may_serve():
    item = _item(BAND_NEARBY, 1.24, ("Lambeth",))
    assert item.where == "in Lambeth, 1.2 km"
    assert item.place_note == "in Lambeth, 1.2 km; may serve Lambeth residents only"
    two = _item(BAND_NEARBY, 3.0, ("Lambeth", "Southwark"))
    assert two.place_note == "in Lambeth and Southwark, 3.0 km; may serve Lambeth and Southwark residents only"


def test_a_nearby_service_without_a_distance_or_a_borough_still_reads_as_a_sentence():
    assert _item(BAND_NEARBY, None, ("Lambeth",)).where == "in Lambeth"
    assert _item(BAND_NEARBY, None).place_note == "in another borough; may serve its own residents only"


def test_a_service_covering_the_place_or_all_london_has_no_note():
    for band in (BAND_COVERS, BAND_PAN):
        item = _item(band, 0.5, ("Lambeth",))
        assert item.where == "" and item.place_note == ""

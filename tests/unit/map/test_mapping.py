"""Unit tests: the map's domain rules (main area, colours, bounds, clustering)."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.domain.mapping import (
    AREA_COLOURS,
    MAIN_AREA_ORDER,
    MAX_CLUSTER_ZOOM,
    Bounds,
    area_colour,
    cluster_grid,
    fit_around,
    fit_bounds,
    main_area,
    mercator,
    parse_zoom,
    unmercator,
)


def test_main_area_is_the_most_specific_not_the_alphabetically_first():
    # "community-safety" sorts first but is the broadest area.
    assert main_area(("community-safety", "vawg")) == "vawg"
    assert main_area(("sexual-violence", "vawg")) == "sexual-violence"
    assert main_area(("reducing-reoffending", "vawg")) == "vawg"
    assert main_area(("early-intervention", "youth-violence")) == "youth-violence"


def test_main_area_of_unknown_or_no_areas():
    assert main_area(("new-area",)) == "new-area"
    assert main_area(()) == ""


def test_every_area_has_its_own_colour():
    assert set(AREA_COLOURS) == set(MAIN_AREA_ORDER)
    assert len(set(c.lower() for c in AREA_COLOURS.values())) == len(AREA_COLOURS)
    assert area_colour("nothing") == "#0B0C0C"


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "not four numbers"),
        ("1,2,3", "not four numbers"),
        ("a,b,c,d", "not four numbers"),
        ("0,95,1,51", "latitudes between -90 and 90"),
        ("-200,51,0,52", "between -180 and 180"),
        ("nan,51,0,52", "finite"),
    ],
)
def test_bad_bbox_is_refused_naming_field_value_and_rule(text, message):
    with pytest.raises(ValueError) as error:
        Bounds.parse(text)
    assert str(error.value).startswith("bbox: ")
    assert repr(text) in str(error.value)
    assert message in str(error.value)


def test_corners_the_other_way_round_name_the_same_box():
    assert Bounds.parse("0.3,51.7,-0.5,51.3") == Bounds.parse("-0.5,51.3,0.3,51.7")


def test_bbox_reads_west_south_east_north():
    b = Bounds.parse("-0.5, 51.3, 0.3, 51.7")
    assert (b.west, b.south, b.east, b.north) == (-0.5, 51.3, 0.3, 51.7)
    assert b.as_leaflet() == [[51.3, -0.5], [51.7, 0.3]]


@pytest.mark.parametrize("text", [None, "", "x", "-1", "20", "inf"])
def test_bad_zoom_is_refused(text):
    with pytest.raises(ValueError, match="zoom: "):
        parse_zoom(text)


def test_zoom_is_a_whole_level():
    assert parse_zoom("11.6") == 11
    assert parse_zoom("0") == 0


def test_mercator_round_trip():
    lat = np.array([51.5, -33.9, 0.0])
    lon = np.array([-0.12, 151.2, 0.0])
    x, y = mercator(lat, lon)
    assert np.all((x >= 0) & (x <= 1) & (y >= 0) & (y <= 1))
    back_lat, back_lon = unmercator(x, y)
    assert np.allclose(back_lat, lat) and np.allclose(back_lon, lon)


def test_close_points_cluster_and_far_points_stay_alone():
    lat = np.array([51.5000, 51.5001, 51.5002, 51.9])
    lon = np.array([-0.1000, -0.1001, -0.1002, 0.3])
    areas = np.array([1, 1, 0, 2])
    x, y = mercator(lat, lon)
    c = cluster_grid(x, y, areas, 10, n_areas=3)
    assert list(c.counts) == [3]
    assert list(c.areas) == [1]  # the most common area of the three
    assert list(c.singles) == [3]
    assert abs(c.latitudes[0] - 51.5001) < 1e-3 and abs(c.longitudes[0] + 0.1001) < 1e-3


def test_every_point_is_counted_once_at_any_zoom():
    rng = np.random.default_rng(3)
    lat = 51.3 + rng.random(5000) * 0.4
    lon = -0.5 + rng.random(5000) * 0.8
    x, y = mercator(lat, lon)
    for zoom in range(9, 17):
        c = cluster_grid(x, y, np.zeros(5000, dtype=int), zoom)
        assert int(c.counts.sum()) + len(c.singles) == 5000
        assert np.all(c.counts > 1)


def test_no_clusters_from_the_last_cluster_zoom():
    lat = np.array([51.5, 51.5])
    lon = np.array([-0.1, -0.1])
    x, y = mercator(lat, lon)
    c = cluster_grid(x, y, np.array([0, 0]), MAX_CLUSTER_ZOOM)
    assert len(c.counts) == 0 and list(c.singles) == [0, 1]
    assert len(cluster_grid(x[:0], y[:0], np.array([], dtype=int), 10).singles) == 0


def test_fit_bounds_holds_every_point_with_a_minimum_size():
    b = fit_bounds([(51.47, -0.07), (51.46, -0.01)])
    assert b.south <= 51.46 and b.north >= 51.47 and b.west <= -0.07 and b.east >= -0.01
    one = fit_bounds([(51.47, -0.07)])
    assert one.north - one.south >= 0.02 - 1e-9 and one.east - one.west >= 0.02 - 1e-9
    assert fit_bounds([]) is None


def test_fit_around_keeps_the_place_in_the_middle_and_every_point_in_view():
    """Results all to one side (north-west of Croydon) used to put the searched place at the edge."""
    place = (51.373, -0.099)
    points = [(51.43, -0.17), (51.40, -0.12)]
    b = fit_around(place, points)
    assert abs((b.north + b.south) / 2 - place[0]) < 1e-9 and abs((b.east + b.west) / 2 - place[1]) < 1e-9
    assert all(b.south <= lat <= b.north and b.west <= lon <= b.east for lat, lon in points)
    alone = fit_around(place, [])
    assert alone.north - alone.south == pytest.approx(0.02) and alone.east - alone.west == pytest.approx(0.02)


def test_nothing_drawn_is_closer_than_the_separation():
    rng = np.random.default_rng(5)
    lat = 51.3 + rng.random(3000) * 0.4
    lon = -0.5 + rng.random(3000) * 0.8
    x, y = mercator(lat, lon)
    for zoom in (9, 11, 13, 15, 17):
        c = cluster_grid(x, y, rng.integers(0, 4, 3000), zoom, n_areas=4)
        cx, cy = mercator(c.latitudes, c.longitudes)
        px = np.concatenate([cx, x[c.singles]]) * 256 * 2 ** zoom
        py = np.concatenate([cy, y[c.singles]]) * 256 * 2 ** zoom
        d = np.hypot(px[:, None] - px[None, :], py[:, None] - py[None, :])
        np.fill_diagonal(d, np.inf)
        assert d.min() >= 34 - 1e-6, zoom
        assert int(c.counts.sum()) + len(c.singles) == 3000


def test_two_points_in_neighbouring_cells_but_close_are_merged():
    # Either side of a cell edge, 10 px apart at zoom 12: one cluster of two, not two touching pins.
    zoom = 12
    scale = 256 * 2 ** zoom
    edge = np.ceil(0.5 * scale / 48) * 48 / scale
    x = np.array([edge - 5 / scale, edge + 5 / scale])
    y = np.array([0.33, 0.33])
    c = cluster_grid(x, y, np.array([0, 1]), zoom, n_areas=2)
    assert list(c.counts) == [2] and len(c.singles) == 0

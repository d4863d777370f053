"""Integration tests: the home map's view endpoint (/api/v1/map) on the sample register."""

from __future__ import annotations

import shutil

import pytest

from explorer.domain.mapping import Bounds
from explorer.services.mapview import home_map_state, map_index
from explorer.services.search import search_index
from explorer.settings import Settings
from tests.conftest import CACHE_DIR, DATA_DIR

LONDON = "-0.52,51.28,0.34,51.70"


@pytest.fixture(scope="module")
def app(sample_db, tmp_path_factory):
    from explorer.app import create_app

    path = tmp_path_factory.mktemp("map") / "map.db"
    shutil.copy(sample_db, path)
    return create_app(Settings(database_url=f"sqlite:///{path}", data_dir=DATA_DIR, cache_dir=CACHE_DIR))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def provider(app):
    return app.server.config["EXPLORER_PROVIDER"]


def _view(client, query: str) -> dict:
    response = client.get(f"/api/v1/map?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _points(view: dict) -> list[dict]:
    return [f for f in view["features"] if not f["properties"].get("cluster")]


def test_london_view_counts_every_public_point_once(client, provider):
    snapshot = provider.current()
    public = sum(len(s.points) for s in snapshot.services if s.status == "active")
    view = _view(client, f"bbox={LONDON}&zoom=10")
    clusters = [f for f in view["features"] if f["properties"].get("cluster")]
    assert clusters, "at zoom 10 nearby points form clusters"
    assert sum(f["properties"]["count"] for f in clusters) + len(_points(view)) == view["matched"] == public
    for f in clusters:
        assert f["properties"]["z"] > 10


def test_confidential_services_are_never_on_the_map(client, provider):
    snapshot = provider.current()
    confidential = {s.id for s in snapshot.services if s.confidential_location}
    assert confidential
    view = _view(client, f"bbox={LONDON}&zoom=18")
    ids = {f["properties"]["id"] for f in _points(view)}
    assert ids and not ids & confidential


def test_filters_and_search_apply_to_the_map(client, provider):
    snapshot = provider.current()
    view = _view(client, f"area=vawg&bbox={LONDON}&zoom=18")
    ids = {f["properties"]["id"] for f in _points(view)}
    assert ids and all("vawg" in snapshot.service(i).term_ids for i in ids)
    everything = _view(client, f"bbox={LONDON}&zoom=18")
    assert view["matched"] < everything["matched"]
    croydon = _view(client, f"borough=E09000008&bbox={LONDON}&zoom=18")
    assert all("E09000008" in snapshot.service(f["properties"]["id"]).borough_codes for f in _points(croydon))
    havens = _view(client, f"q=havens&bbox={LONDON}&zoom=18")
    assert {f["properties"]["id"] for f in _points(havens)} == {"svc-london-havens"}


def test_only_what_is_in_view_is_sent(client):
    bbox = "-0.12,51.36,-0.08,51.39"  # central Croydon
    view = _view(client, f"bbox={bbox}&zoom=15")
    padded = Bounds.parse(bbox).padded(0.25)
    everything = _view(client, f"bbox={LONDON}&zoom=15")
    assert 0 < view["matched"] < everything["matched"]
    for f in view["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert padded.south <= lat <= padded.north and padded.west <= lon <= padded.east


def test_a_point_carries_its_card(client):
    view = _view(client, f"q=havens&bbox={LONDON}&zoom=18")
    props = _points(view)[0]["properties"]
    assert props["n"] == "The Havens (sexual assault referral centres)" or props["n"].startswith("The Havens")
    assert props["p"] == "020 3299 6900"
    assert props["t"] == "sexual-violence"
    assert props["w"] and props["a"] and props["l"]


@pytest.mark.parametrize(
    "query, field",
    [("zoom=10", "bbox"), (f"bbox={LONDON}", "zoom"), ("bbox=1,2&zoom=10", "bbox"), (f"bbox={LONDON}&zoom=x", "zoom")],
)
def test_bad_view_is_refused_with_a_clear_message(client, query, field):
    response = client.get(f"/api/v1/map?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "bad_request" and body["parameter"] == field
    assert body["message"].startswith(f"{field}: ")


def test_the_map_fits_the_searched_place_and_shows_pins_near_it(client, provider):
    index = search_index(provider)
    result = index.search("domestic abuse Peckham")
    state = home_map_state(provider, index, result)
    assert state.place and state.place["label"] == "Peckham"
    b = state.bounds
    assert b.south <= state.place["lat"] <= b.north and b.west <= state.place["lon"] <= b.east
    assert b.north - b.south < 0.3, "fitted to Peckham, not all of London"
    # the searched place in the middle (its results near it lay to one side: it was at the edge)
    assert (b.north + b.south) / 2 == pytest.approx(state.place["lat"])
    assert (b.east + b.west) / 2 == pytest.approx(state.place["lon"])
    view = _view(client, f"{state.query}&bbox={b.west},{b.south},{b.east},{b.north}&zoom=13")
    assert _points(view), "domestic abuse services are pinned around Peckham"


def test_without_a_place_the_map_opens_on_london_or_the_chosen_boroughs(provider):
    index = search_index(provider)
    everything = home_map_state(provider, index, index.search(""))
    assert everything.place is None
    assert everything.bounds.west < -0.45 and everything.bounds.east > 0.25
    from explorer.services.search import Filters

    hackney = home_map_state(provider, index, index.search("", Filters(boroughs=("E09000012",))))
    assert hackney.bounds.east - hackney.bounds.west < 0.2
    labels = map_index(provider).borough_labels["features"]
    assert len(labels) == 33 and {f["properties"]["name"] for f in labels} >= {"Hackney", "Croydon"}


def test_the_home_page_carries_no_service_points(client):
    from callbacks.router import render_page
    from explorer.pages.context import PageContext

    app_provider = client.application.config["EXPLORER_PROVIDER"]
    page = render_page(app_provider, "/", "", PageContext())
    layer = _find(page, "service-layer")
    assert layer is not None and getattr(layer, "data", None) is None


def _find(component, id_):
    if getattr(component, "id", None) == id_:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            found = _find(child, id_)
            if found is not None:
                return found
    return None


def test_anywhere_keeps_the_topic_but_not_the_place(provider):
    index = search_index(provider)
    local = index.search("domestic abuse Peckham", limit=0)
    anywhere = index.search("domestic abuse Peckham", limit=0, anywhere=True)
    assert set(local.matched_ids) < set(anywhere.matched_ids)
    assert anywhere.matched_ids == index.search("domestic abuse", limit=0).matched_ids or set(
        anywhere.matched_ids) == set(index.search("domestic abuse", limit=0).matched_ids)


def test_kept_indexes_are_built_at_start_and_with_each_new_version(sample_store, geography):
    from explorer.services.snapshot import SnapshotProvider

    built = []
    provider = SnapshotProvider(sample_store, geography, check_interval=0.0)
    provider.keep("probe", lambda snapshot: built.append(snapshot.version_key) or snapshot.version_key)
    first = provider.current().version_key
    assert built == [first]
    # A publish (here a rollback, which is a new version): the next reader's snapshot arrives with
    # its index already built, and using it builds nothing.
    new = sample_store.rollback(sample_store.current_versions()["crime"])
    assert provider.current().version_key == new != first
    assert built == [first, new]

    def never(_snapshot):
        raise AssertionError("built on first use")

    assert provider.derived("probe", never) == new

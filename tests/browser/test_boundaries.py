"""Browser test: the home map draws the official borough boundaries the repository carries."""

from __future__ import annotations

import json

from explorer.app import create_app
from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.ids import BOROUGH_LAYER
from tests.conftest import DATA_DIR

# Finds the component with this id in the Dash renderer's layout (by the renderer's own index of
# component paths) and returns the data it was given.
_FIND_LAYER = """
var state = window.store.getState();
var node = state.layout;
state.paths.strs[arguments[0]].forEach(function (key) { node = node[key]; });
return JSON.stringify(node.props.data);
"""


def test_the_map_draws_the_33_official_shapes_with_no_approximate_label(dash_duo, sample_settings):
    dash_duo.start_server(create_app(sample_settings))
    dash_duo.wait_for_element("path.borough-shape", timeout=10)
    dash_duo.wait_for_contains_text("#result-summary", "Showing:")
    paths = dash_duo.find_elements("path.borough-shape")
    assert len(paths) == 33

    drawn = json.loads(dash_duo.driver.execute_script(_FIND_LAYER, BOROUGH_LAYER))
    official = json.loads((DATA_DIR / "reference" / "london_boroughs.geojson").read_text(encoding="utf-8"))
    expected = {f["properties"]["code"]: f["geometry"] for f in official["features"]}
    got = {f["properties"]["code"]: f["geometry"] for f in drawn["features"]}
    assert sorted(got) == list(LONDON_BOROUGH_CODES)
    assert got == expected, "every shape on the map is the official file's geometry"

    classes = {p.get_attribute("class").split()[1] for p in paths}
    assert classes == {f"borough-{code}" for code in LONDON_BOROUGH_CODES}
    assert "approximate" not in dash_duo.find_element("main").text.lower()
    assert dash_duo.get_logs() == []

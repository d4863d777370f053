"""Browser tests: the LCPF page in real headless Chromium (weights change the table and map; the URL shares them)."""

from __future__ import annotations

import json
import time

from selenium.webdriver.common.keys import Keys

from tests.browser.helpers import pick
from explorer import ids
from explorer.app import create_app

BARNET_FORMULA = "#lcpf-row-E09000003 td:nth-of-type(6)"  # the formula allocation column


def pattern_id(kind: str, index: str) -> str:
    """The CSS selector of a pattern-matching component (Dash writes its id as sorted JSON)."""
    text = json.dumps({"index": index, "type": kind}, separators=(",", ":"))
    return f"[id='{text}']"


def map_values(dash_duo) -> dict:
    """The map's figures by borough code, as drawn (an SVG from the server: a path per borough)."""
    return dash_duo.driver.execute_script(
        f"const g = document.querySelector('#{ids.LCPF_MAP} svg.chart');"
        "if (!g) return null;"
        "const out = {}; g.querySelector('g.trace').querySelectorAll('path.shape')"
        ".forEach(p => out[p.dataset.code] = parseFloat(p.dataset.z)); return out;"
    )


def click(dash_duo, selector):
    """Clicks a button after bringing it to the middle of the window (the page is long)."""
    button = dash_duo.find_element(selector)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()


def wait_until(predicate, timeout=10, message="condition"):
    end = time.time() + timeout
    while time.time() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


def test_a_weight_changes_table_and_map_and_the_url_shares_it(dash_duo, sample_settings):
    app = create_app(sample_settings)
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1280, 2400)  # the controls and table in view: no scrolling races
    dash_duo.wait_for_page(url=dash_duo.server_url + "/lcpf")

    dash_duo.wait_for_contains_text(f"#{ids.LCPF_SUMMARY}", "Formula: population only")
    before_cell = dash_duo.find_element(BARNET_FORMULA).text
    before_map = wait_until(lambda: map_values(dash_duo), message="the map")
    assert before_cell.startswith("£") and len(before_map) == 32  # the City has no figure
    assert dash_duo.find_element("#lcpf-row-E09000001").text.count("not in the LCPF") == 1

    # Give crime volume a weight: the table, the map and the address all change.
    box = dash_duo.find_element(pattern_id(ids.LCPF_WEIGHT, "crime"))
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("3", Keys.TAB)
    dash_duo.wait_for_contains_text(f"#{ids.LCPF_SUMMARY}", "crime volume 75%")
    after_cell = wait_until(lambda: (t := dash_duo.find_element(BARNET_FORMULA).text) != before_cell and t,
                            message="the table to change")
    after_map = wait_until(lambda: (m := map_values(dash_duo)) != before_map and m, message="the map to change")
    url = dash_duo.driver.current_url
    assert "w_crime=3" in url and "w_population=1" in url

    # The shared address opens a fresh page on the same scenario.
    dash_duo.driver.get(url)
    dash_duo.wait_for_contains_text(f"#{ids.LCPF_SUMMARY}", "crime volume 75%")
    assert dash_duo.find_element(BARNET_FORMULA).text == after_cell
    assert wait_until(lambda: map_values(dash_duo), message="the map") == after_map
    assert dash_duo.find_element(pattern_id(ids.LCPF_WEIGHT, "crime")).get_attribute("value") == "3"
    assert "w_crime=3" in dash_duo.find_element(f"#{ids.LCPF_DOWNLOAD}").get_attribute("href")

    assert dash_duo.get_logs() == []


def test_presets_year_and_current_allocation(dash_duo, sample_settings):
    app = create_app(sample_settings)
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1280, 2400)  # the controls and table in view: no scrolling races
    dash_duo.wait_for_page(url=dash_duo.server_url + "/lcpf")
    dash_duo.wait_for_contains_text(f"#{ids.LCPF_SUMMARY}", "Formula: population only")
    # The summary is on the page from its first paint: click once Dash has its callbacks and has run the
    # page's first ones, or the click can land on a button that is then drawn again (it failed once in CI).
    wait_until(lambda: dash_duo.window_store and dash_duo.redux_state_rqs == [], message="the first callbacks")

    click(dash_duo, pattern_id(ids.LCPF_PRESET, "crime"))
    dash_duo.wait_for_contains_text(f"#{ids.LCPF_SUMMARY}", "Formula: crime only")
    assert dash_duo.find_element(pattern_id(ids.LCPF_WEIGHT, "population")).get_attribute("value") == "0"
    assert "w_crime=1" in dash_duo.driver.current_url

    # 2018-19: Richmond's allocation is published and (issue 16) so are that year's crime figures.
    pick(dash_duo, ids.LCPF_YEAR, "2018-19")
    dash_duo.wait_for_contains_text(f"#{ids.LCPF_SUMMARY}", "2018-19")
    assert "No recorded crime figures" not in dash_duo.find_element(f"#{ids.LCPF_MESSAGES}").text
    scatter = wait_until(lambda: (d := graph_data(dash_duo, ids.LCPF_SCATTER)) and "2018-19" in d[0]["title"] and d,
                         message="the 2018-19 scatter")
    assert [t["n"] for t in scatter if t["name"] == "Published allocation"] == [1]
    click(dash_duo, pattern_id(ids.LCPF_PRESET, "current"))
    dash_duo.wait_for_contains_text(f"#{ids.LCPF_SUMMARY}", "published for 1 of 32 boroughs")
    dash_duo.wait_for_contains_text("#lcpf-row-E09000027", "£76,000")
    assert "not published" in dash_duo.find_element("#lcpf-row-E09000003").text
    assert "basis=current" in dash_duo.driver.current_url and "year=2018-19" in dash_duo.driver.current_url

    assert dash_duo.get_logs() == []


def graph_data(dash_duo, graph_id):
    """The traces drawn in a chart (an SVG from the server): name and number of points of each."""
    return dash_duo.driver.execute_script(
        f"const g = document.querySelector('#{graph_id} svg.chart');"
        "if (!g) return null;"
        "return [...g.querySelectorAll('g.trace')].map(t => ({name: t.dataset.name || '', n: +t.dataset.n,"
        " title: g.dataset.title || ''}));"
    )


def test_the_default_view_shows_need_a_filled_map_and_a_scatter(dash_duo, sample_settings):
    """Issue 16: the page opens on the latest year with crime figures, and nothing on it is empty."""
    app = create_app(sample_settings)
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1366, 2400)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/lcpf")

    dash_duo.wait_for_contains_text(f"#{ids.LCPF_NEED_SUMMARY}", "In 2024-25 outer London's 19 boroughs had")
    need = wait_until(lambda: graph_data(dash_duo, ids.LCPF_NEED_CHART), message="the need chart")
    assert need[0]["name"] == "Outer London: share of recorded crime" and need[0]["n"] == 15

    filled = wait_until(lambda: map_values(dash_duo), message="the map")
    assert len(filled) == 32 and all(v is not None and v > 0 for v in filled.values())
    scatter = wait_until(lambda: graph_data(dash_duo, ids.LCPF_SCATTER), message="the scatter")
    assert sum(t["n"] for t in scatter if "London (" in t["name"]) == 32
    assert scatter[0]["title"].startswith("What this formula would give")
    map_title = graph_data(dash_duo, ids.LCPF_MAP)[0]["title"]
    assert map_title.startswith("What this formula would give") and "2024-25" in map_title
    assert "will not review" not in dash_duo.find_element(".lcpf-page").text
    assert dash_duo.get_logs() == []

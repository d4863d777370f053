"""Integration tests: pages a resident, a browser and a search engine can tell apart (issue 15).

Titles and descriptions per page and per record, a friendly page for what does not exist, the
header's current section, the safety page, contacts as links and paging in the address.
"""

from __future__ import annotations

import html
import json
import re

import plotly
import pytest

from explorer.app import create_app
from callbacks.router import PageContext, render_page
from explorer.layout.shell import build_nav_items
from explorer.pages.head import page_head


@pytest.fixture()
def app(sample_settings):
    return create_app(sample_settings)


@pytest.fixture()
def provider(app):
    return app.server.config["EXPLORER_PROVIDER"]


def text(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def head_of(html_text: str) -> tuple[str, str]:
    title = re.search(r"<title>(.*?)</title>", html_text, re.S).group(1)
    description = re.search(r'<meta name="description" content="([^"]*)"', html_text).group(1)
    return html.unescape(title), html.unescape(description)


@pytest.mark.parametrize(
    "address, title_start",
    [
        ("/", "Find help near you \u2013 "),
        ("/?q=domestic+abuse+Peckham", "domestic abuse Peckham: search results \u2013 "),
        ("/funding", "Funding opportunities \u2013 "),
        ("/performance", "Performance of commissioned services \u2013 "),
        ("/lcpf", "London Crime Prevention Fund \u2013 "),
        ("/data", "Data and downloads \u2013 "),
        ("/staying-safe", "Staying safe online \u2013 "),
        ("/service/svc-london-havens", "The Havens"),
        ("/service/no-such-service", "Page not found \u2013 "),
        ("/no/such/page", "Page not found \u2013 "),
    ],
)
def test_each_address_is_served_with_its_own_title_and_description(app, address, title_start):
    body = app.server.test_client().get(address).get_data(as_text=True)
    title, description = head_of(body)
    assert title.startswith(title_start)
    assert title.endswith("London commissioned services explorer")
    assert 40 <= len(description) <= 160


def test_titles_and_descriptions_differ_between_pages(app):
    client = app.server.test_client()
    heads = [head_of(client.get(a).get_data(as_text=True)) for a in ("/", "/funding", "/service/svc-london-havens")]
    assert len({t for t, _ in heads}) == 3 and len({d for _, d in heads}) == 3


def test_hostile_search_text_is_escaped_in_the_title(app):
    body = app.server.test_client().get("/?q=%3C/title%3E%3Cscript%3Ealert(1)%3C/script%3E").get_data(as_text=True)
    assert "<script>alert(1)" not in body
    assert "&lt;/title&gt;&lt;script&gt;" in body


def test_an_opportunity_has_its_own_title(provider):
    snapshot = provider.current()
    opportunity = snapshot.opportunities[0]
    head = page_head(snapshot, f"/funding/{opportunity.id}", "")
    assert head.title.startswith(opportunity.title)


@pytest.mark.parametrize(
    "path, current",
    [("/", "/"), ("/service/x", "/"), ("/funding", "/funding"), ("/funding/opp-1", "/funding"),
     ("/performance/report", "/performance"), ("/lcpf", "/lcpf"), ("/data", "/data"), ("/staying-safe", None)],
)
def test_the_header_marks_the_current_section(path, current):
    items = build_nav_items(path)
    marked = [li.children.href for li in items if getattr(li.children, "aria-current", None)]
    assert marked == ([current] if current else [])


def test_unknown_addresses_get_a_helpful_page(provider):
    page = text(render_page(provider, "/service/nope", "", PageContext()))
    assert "Service not found" in page and "Search for help near you" in page
    page = text(render_page(provider, "/nowhere", "", PageContext()))
    assert "Page not found" in page and "/nowhere" in page and "call 999" in page


def test_staying_safe_page_names_the_helplines(provider):
    page = text(render_page(provider, "/staying-safe", "", PageContext()))
    assert "tel:08082000247" in page and "Exit this page" in page and "private" in page


def test_paging_is_in_the_address(provider):
    first = text(render_page(provider, "/", "", PageContext()))
    third = text(render_page(provider, "/", "?page=3", PageContext()))
    assert "Showing 1\u201320 of" in first and "Showing 41\u201360 of" in third
    total = int(re.search(r"Showing 1\u201320 of (\d+)", first).group(1))
    pages = -(-total // 20)
    beyond = text(render_page(provider, "/", "?page=99", PageContext()))
    assert f"Showing {(pages - 1) * 20 + 1}\u2013{total} of {total}" in beyond and f"Page {pages} of {pages}" in beyond


def test_cards_carry_contacts_and_no_stale_badge(provider):
    page = text(render_page(provider, "/", "?q=domestic+abuse+Peckham", PageContext()))
    assert '"href": "tel:' in page
    assert "Call to confirm opening times" in page
    assert "freshness-stale" not in page and "javascript:" not in page


def test_every_page_carries_the_exit_control(app):
    layout = text(app.layout())
    assert "exit-this-page__button" in layout and "https://www.bbc.co.uk/weather" in layout


def test_exit_url_must_be_http():
    from explorer.settings import Settings

    with pytest.raises(ValueError, match="EXPLORER_EXIT_URL: 'javascript:alert\\(1\\)' is not an http"):
        Settings.from_env({"EXPLORER_EXIT_URL": "javascript:alert(1)"})


def test_robots_txt_lets_pages_be_indexed(app):
    response = app.server.test_client().get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert "User-agent: *" in response.get_data(as_text=True) and "Disallow: /api/" in response.get_data(as_text=True)


def test_the_skip_link_points_at_the_main_area(app):
    layout = text(app.layout())
    assert '"href": "#page"' in layout and '"id": "page"' in layout


def test_the_list_or_map_choice_is_part_of_the_address(sample_settings):
    """A phone's List / Map choice travels in the address (``view=map``), so a shared link or Back
    shows the same view; anything else reads as the list."""
    from explorer.app import create_app
    from explorer.pages.home import explore_address, parse_view, state_query
    from explorer.services.search import Filters

    provider = create_app(sample_settings).server.config["EXPLORER_PROVIDER"]
    found = explore_address(provider, {"q": ["domestic abuse Peckham"], "view": ["map"]})
    assert found.view == "map"
    assert found.state == "?q=domestic+abuse+Peckham&view=map"
    assert explore_address(provider, {"q": ["stalking"], "view": ["<script>"]}).view == "list"
    assert [parse_view(v) for v in ("MAP", " map ", "list", "", None, "satellite")] == ["map", "map"] + ["list"] * 4
    assert state_query("x", Filters(), view="list") == "?q=x"

    client = create_app(sample_settings).server.test_client()
    body = client.get("/?q=domestic+abuse+Peckham&view=map").get_data(as_text=True)
    assert 'class="explorer-grid show-map"' in body
    assert 'class="explorer-grid show-list"' in client.get("/?q=domestic+abuse+Peckham").get_data(as_text=True)


def test_nothing_covering_the_place_shows_the_nearest_elsewhere(sample_settings):
    """"drug treatment Hackney": no drugs service covers Hackney in the sample, so the list shows the
    three nearest elsewhere, closest first, each saying where it works; a search that finds
    services near its place, or names no place, shows none."""
    from explorer.pages.home import explore_address
    from explorer.services.search import NEARBY

    app = create_app(sample_settings)
    provider = app.server.config["EXPLORER_PROVIDER"]
    found = explore_address(provider, {"q": ["drug treatment Hackney"]})
    assert found.result.total == 0 and len(found.nearby) == NEARBY
    distances = [item.distance_km for item in found.nearby]
    assert distances == sorted(distances) and distances[0] > 0
    assert all("substance-misuse" in item.service.term_ids for item in found.nearby)
    assert all(item.place_note.startswith("in ") for item in found.nearby)
    assert explore_address(provider, {"q": ["domestic abuse Peckham"]}).nearby == ()
    assert explore_address(provider, {"q": ["zzzzqqq"]}).nearby == ()
    assert explore_address(provider, {"q": ["youth near Zzyzx"]}).nearby == ()  # no place was found

    body = app.server.test_client().get("/?q=drug+treatment+Hackney").get_data(as_text=True)
    assert "The nearest 3 elsewhere in London, closest first." in body
    assert found.nearby[0].service.name.split(":")[0] in body

    from explorer.layout.home import render_exploration  # what a search from the box sends back

    items, _start, header, *_rest = render_exploration(provider.current(), found)
    assert len(items) == NEARBY and "The nearest 3 elsewhere in London" in text(header)


def test_a_topic_nothing_covers_at_the_place_is_said_with_the_nearest_elsewhere(sample_settings):
    """"family support ... on drugs in croydon" finds family support in Croydon, but no drugs and
    alcohol service covers Croydon in the sample: the page says so above the list and names the
    nearest three elsewhere, each a link to its page; a search whose topics are covered says none."""
    from explorer.pages.home import explore_address
    from explorer.services.search import NEARBY

    app = create_app(sample_settings)
    provider = app.server.config["EXPLORER_PROVIDER"]
    query = "family support group when loved one on drugs in croydon"
    found = explore_address(provider, {"q": [query]})
    assert found.result.total and not found.nearby
    (gap,) = found.elsewhere
    assert (gap.topic, gap.name, gap.borough) == ("substance-misuse", "Drugs and alcohol", "Croydon")
    assert len(gap.nearest) == NEARBY and all("substance-misuse" in i.service.term_ids for i in gap.nearest)
    assert all("E09000008" not in i.service.borough_codes for i in gap.nearest)
    distances = [i.distance_km for i in gap.nearest]
    assert distances == sorted(distances) and distances[0] > 3
    assert explore_address(provider, {"q": ["car broken into again in chingford"]}).elsewhere == ()
    assert explore_address(provider, {"q": ["domestic abuse Peckham"]}).elsewhere == ()
    # chosen by filter: the person picked the areas, so nothing is said about others
    assert explore_address(provider, {"q": [query], "area": ["early-intervention"]}).elsewhere == ()

    body = app.server.test_client().get("/?q=" + query.replace(" ", "+")).get_data(as_text=True)
    assert "No drugs and alcohol service covers Croydon or is within 3 km. The nearest elsewhere: " in body
    assert f'href="/service/{gap.nearest[0].service.id}?back=' in body
    first = gap.nearest[0]  # each named with where it works and how far, not what it may not do
    assert first.where == f"in {first.sits_in[0]}, {first.distance_km:.1f} km"
    assert f"</a> ({first.where})" in body and "residents only)" not in body

    from explorer.layout.home import render_exploration  # what a search from the box sends back

    _items, _start, header, *_rest = render_exploration(provider.current(), found)
    assert "No drugs and alcohol service covers Croydon" in text(header)

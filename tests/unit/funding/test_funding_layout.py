"""The funding page's words: status with word and icon, awards, empty states, sample labels."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import urlencode

import plotly
import pytest

from explorer.domain.funding import Status
from explorer.layout import funding as layout
from explorer.services import funding as svc
from explorer.layout.router import draw
from explorer.pages.context import PageContext
from explorer.pages.router import page_for

TODAY = dt.date(2026, 3, 2)
ENFIELD, BEXLEY = "E09000010", "E09000004"


def text_of(component) -> str:
    """Every string in a component tree, joined (what a screen reader would meet)."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in {"children", "props"}:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)))
    text = " ".join(" ".join(found).split())
    return re.sub(r"\s+([).,:])", r"\1", text).replace("( ", "(")


def day(offset):
    return None if offset is None else TODAY + dt.timedelta(days=offset)


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        (-5, 0, "⚠ Closing soon closes today (2 Mar 2026)"),
        (-5, 1, "⚠ Closing soon closes tomorrow (3 Mar 2026)"),
        (-5, 14, "⚠ Closing soon closes 16 Mar 2026 (in 14 days)"),
        (-5, 15, "● Open closes 17 Mar 2026 (in 15 days)"),
        (-5, None, "● Open rolling: no closing date"),
        (3, 30, "◷ Opens later opens 5 Mar 2026, closes 1 Apr 2026"),
        (-50, -1, "✕ Closed closed 1 Mar 2026"),
    ],
)
def test_status_line_has_word_icon_and_date(make, opens, closes, expected):
    view = svc.view_of(make.opportunity("a", opens=day(opens), closes=day(closes)), TODAY)
    assert text_of(layout.build_status(view)) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"min_award_gbp": 5000, "max_award_gbp": 50000}, "£5,000 to £50,000"),
        ({"max_award_gbp": 10000}, "up to £10,000"),
        ({"min_award_gbp": 2500}, "from £2,500"),
        ({"min_award_gbp": 1_200_000, "max_award_gbp": 1_200_000}, "£1.2m"),
        ({}, "not published"),
    ],
)
def test_award_text(make, fields, expected):
    from explorer.domain.funding import award_text

    assert award_text(make.opportunity("a", **fields)) == expected


@pytest.mark.parametrize(
    ("query", "suggestion", "href"),
    [
        (svc.FundingQuery(boroughs=(BEXLEY,), areas=("hate-crime",)), "try all boroughs", "/funding?area=hate-crime"),
        (svc.FundingQuery(boroughs=(ENFIELD,), areas=("vawg",)), "try any kind of work", f"/funding?borough={ENFIELD}"),
        (svc.FundingQuery(boroughs=(BEXLEY,), areas=("vawg",)), "try all opportunities", "/funding"),
        (svc.FundingQuery(statuses=("upcoming",)), "try any status", "/funding"),
    ],
)
def test_empty_result_says_what_to_try(make, query, suggestion, href):
    snap = make.snapshot([
        make.opportunity("y", boroughs=ENFIELD, service_areas="youth-violence", opens=day(-1), closes=day(20)),
        make.opportunity("h", boroughs=ENFIELD, service_areas="hate-crime", opens=day(-1), closes=day(20)),
    ])
    result = svc.search_opportunities(snap, query, TODAY)
    summary = layout.build_summary(snap, result)
    assert text_of(summary).startswith("No ") and text_of(summary).endswith(f"— {suggestion}.")
    assert summary[1].href == href


def test_the_issue_example_reads_as_asked(make):
    snap = make.snapshot([
        make.opportunity("h", boroughs=ENFIELD, service_areas="hate-crime", opens=day(-1), closes=day(20)),
    ])
    result = svc.search_opportunities(snap, svc.FundingQuery(boroughs=(BEXLEY,), areas=("hate-crime",)), TODAY)
    assert text_of(layout.build_summary(snap, result)) == "No open opportunities for Bexley and hate crime — try all boroughs."

def test_summary_counts_and_names_the_filters(make):
    snap = make.snapshot([
        make.opportunity("y", boroughs=ENFIELD, service_areas="youth-violence", opens=day(-1), closes=day(20)),
        make.opportunity("z", service_areas="youth-violence", opens=day(3), closes=day(40)),
    ])
    result = svc.search_opportunities(
        snap, svc.FundingQuery(boroughs=(ENFIELD,), areas=("youth-violence",), applicants=("charity",)), TODAY)
    assert text_of(layout.build_summary(snap, result)) == (
        "2 opportunities open or opening later for Enfield and youth violence and exploitation and charities."
    )


def test_nothing_published_says_so(make):
    snap = make.snapshot([])
    result = svc.search_opportunities(snap, svc.FundingQuery(), TODAY)
    assert text_of(layout.build_summary(snap, result)) == "No funding opportunities are published yet."


@pytest.mark.parametrize(
    ("illustrative", "expected", "absent"),
    [
        (True, "sample value Illustrative example, not a real opportunity", "Real opportunity"),
        (False, "Real opportunity, as published by MOPAC", "sample value"),
    ],
)
def test_card_says_whether_real_or_illustrative(make, illustrative, expected, absent):
    opp = make.opportunity("a", illustrative=illustrative, opens=day(-1), closes=day(30))
    snap = make.snapshot([opp])
    text = text_of(layout.build_opportunity_card(snap, svc.view_of(opp, TODAY)))
    assert expected in text and absent not in text


def test_card_shows_every_fact(make):
    opp = make.opportunity(
        "a", title="Enfield youth fund", funder="VRU", programme="Young Londoners Fund",
        applicant_types="charity;community group", min_award_gbp=5000, max_award_gbp=50000,
        total_pot_gbp=1_000_000, opens=day(-1), closes=day(30), boroughs=ENFIELD,
        service_areas="youth-violence", url="https://example.org/apply", last_verified=day(-3),
    )
    snap = make.snapshot([opp])
    text = text_of(layout.build_opportunity_card(snap, svc.view_of(opp, TODAY)))
    for part in ("Enfield youth fund", "VRU", "Young Londoners Fund", "Charity, Community group",
                 "£5,000 to £50,000", "£1m", "Opens 1 Mar 2026", "closes 1 Apr 2026", "Enfield",
                 "Youth violence and exploitation", "How to apply", "Last checked", "27 Feb 2026", "source"):
        assert part in text, part


def test_opportunity_page_lists_services_under_the_same_programme(make):
    opp = make.opportunity("a", programme="Young Londoners Fund", opens=day(-1))
    snap = make.snapshot([opp], [
        make.service("s1", name="Mentoring in Enfield", programme="Young Londoners Fund"),
        make.service("s2", name="Other", programme="LCPF"),
    ])
    page = funding_route(make.provider(snap), "/funding/a", {"borough": [ENFIELD]}, TODAY)
    text = text_of(page)
    assert "Services already funded under Young Londoners Fund" in text
    assert "Mentoring in Enfield" in text and "Other" not in text
    assert page.children[0].href == f"/funding?borough={ENFIELD}"


def test_unknown_opportunity_page(make):
    page = funding_route(make.provider(make.snapshot([])), "/funding/nope", {}, TODAY)
    assert "Opportunity not found" in text_of(page)


def test_service_section_lists_matching_opportunities(make):
    opp = make.opportunity("a", title="Youth fund", boroughs=ENFIELD, service_areas="youth-violence",
                           opens=day(-1), closes=day(10))
    service = make.service("s", borough_codes=(ENFIELD,), term_ids=("youth-violence",))
    snap = make.snapshot([opp], [service])
    text = text_of(layout.build_service_opportunities(service, svc.opportunities_for_service(snap, service, TODAY)))
    assert "Funding for this kind of work" in text and "Youth fund" in text and "Closing soon" in text


def test_feed_links_keep_the_filters_but_not_the_status():
    query = svc.FundingQuery(boroughs=(ENFIELD,), areas=("youth-violence",), statuses=("open",))
    ics, atom = layout.feed_links(query)
    assert ics == "/funding.ics?borough=E09000010&area=youth-violence"
    assert atom == "/funding.atom?borough=E09000010&area=youth-violence"


def test_results_tuple_matches_the_callback_outputs(make):
    snap = make.snapshot([make.opportunity("a", opens=day(-1), closes=day(30))])
    result = svc.search_opportunities(snap, svc.FundingQuery(areas=("vawg",)), TODAY)
    out = layout.build_results(snap, result)
    assert len(out) == 7 and out[-1] == "?area=vawg"
    assert Status.OPEN.value in json.dumps(out[0], cls=plotly.utils.PlotlyJSONEncoder)


def test_funding_page_reads_its_state_from_the_url(make):
    snap = make.snapshot([
        make.opportunity("y", title="Enfield youth", boroughs=ENFIELD, service_areas="youth-violence",
                         opens=day(-1), closes=day(20)),
        make.opportunity("b", title="Bexley hate", boroughs=BEXLEY, service_areas="hate-crime",
                         opens=day(-1), closes=day(20)),
    ])
    page = funding_route(
        make.provider(snap), "/funding", {"borough": [ENFIELD], "q": ["knife crim"]}, TODAY)
    text = text_of(page)
    assert "Enfield youth" in text and "Bexley hate" not in text
    assert "1 opportunity open or opening later for Enfield and youth violence and exploitation." in text


def test_long_lists_are_cut_and_say_so(make):
    snap = make.snapshot([make.opportunity(f"o{i}", opens=day(-1), closes=day(30)) for i in range(layout.MAX_CARDS + 5)])
    result = svc.search_opportunities(snap, svc.FundingQuery(), TODAY)
    items = layout.build_current_items(snap, result)
    assert len(items) == layout.MAX_CARDS + 1
    assert text_of(items[-1]) == f"Showing the first {layout.MAX_CARDS} of {layout.MAX_CARDS + 5}. Narrow the filters to see the rest."


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((), "2 opportunities open or opening later."),
        (("closing-soon",), "No opportunities closing soon — try any status."),
        (("open", "upcoming"), "2 opportunities open now or opening later."),
        (("closed",), "1 past opportunity."),
    ],
)
def test_summary_follows_the_status_filter(make, statuses, expected):
    snap = make.snapshot([
        make.opportunity("a", opens=day(-1), closes=day(20)),
        make.opportunity("b", opens=day(5), closes=day(40)),
        make.opportunity("c", opens=day(-40), closes=day(-5)),
    ])
    result = svc.search_opportunities(snap, svc.FundingQuery(statuses=statuses), TODAY)
    assert text_of(layout.build_summary(snap, result)) == expected


def test_odd_ids_are_quoted_in_links_and_read_back(make):
    opp = make.opportunity("fund 1/2026", opens=day(-1), closes=day(30))
    snap = make.snapshot([opp])
    card = layout.build_opportunity_card(snap, svc.view_of(opp, TODAY))
    assert '"/funding/fund%201%2F2026"' in json.dumps(card, cls=plotly.utils.PlotlyJSONEncoder)
    page = funding_route(make.provider(snap), "/funding/fund%201%2F2026", {}, TODAY)
    assert "Opportunity fund 1/2026" in text_of(page)


def funding_route(provider, path: str, query: dict[str, list[str]], today: dt.date):
    """The page at ``path`` as the router draws it: view model from the URL, then layout."""
    search = "?" + urlencode(query, doseq=True) if query else ""
    return draw(page_for(provider, path, search, PageContext(today=lambda: today)))


def test_the_summary_says_which_words_were_left_out(make):
    snap = make.snapshot([
        make.opportunity("y", title="Youth fund", boroughs=ENFIELD, service_areas="youth-violence",
                         opens=day(-1), closes=day(20)),
    ])
    result = svc.search_opportunities(snap, svc.FundingQuery(text="youth fund for our mums"), TODAY)
    assert [v.id for v in result.current] == ["y"]
    assert text_of(layout.build_summary(snap, result)).endswith(
        "No open opportunity mentions \u201cmums\u201d, so the search leaves it out.")

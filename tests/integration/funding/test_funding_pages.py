"""The funding pages rendered from the sample register through the router, as the browser gets them."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil

import plotly
import pytest

from explorer.app import create_app
from explorer.layout.funding import build_opportunity_card, build_service_opportunities
from callbacks.router import PageContext, render_page
from explorer.services.funding import opportunities_for_service, view_of
from explorer.settings import ROOT, Settings

TODAY = dt.date(2026, 11, 20)
CONTEXT = PageContext(today=lambda: TODAY)


@pytest.fixture(scope="module")
def provider(sample_db, tmp_path_factory):
    """The app's provider on a private copy of the sample store (one app for the module)."""
    path = tmp_path_factory.mktemp("funding-pages") / "app.db"
    shutil.copy(sample_db, path)
    settings = Settings(database_url=f"sqlite:///{path}", data_dir=ROOT / "data",
                        cache_dir=ROOT / "data" / "cache", check_interval=0.0)
    return create_app(settings, today=lambda: TODAY).server.config["EXPLORER_PROVIDER"]


def rendered(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


@pytest.mark.parametrize(
    ("path", "search", "expected"),
    [
        ("/funding", "", "opportunities open or opening later."),
        ("/funding", "?borough=E09000010&area=youth-violence",
         "3 opportunities open or opening later for Enfield and youth violence."),
        ("/funding", "?q=knife+crim+youth+croydon", "for Croydon and youth violence."),
        ("/funding", "?status=closed", "past opportunities."),
        ("/funding", "?borough=E09000004&area=hate-crime&status=closing-soon", "try any kind of work"),
        ("/funding/opp-vru-stronger-futures-2023", "", "Services already funded under Stronger Futures"),
        ("/funding/opp-safer-streets-round-1", "", "closed: dates not published"),
        ("/funding/no-such-thing", "", "Opportunity not found"),
    ],
)
def test_funding_pages_render(provider, path, search, expected):
    assert expected in rendered(render_page(provider, path, search, CONTEXT))


def test_every_sample_opportunity_says_whether_it_is_real(provider):
    snapshot = provider.current()
    with open(ROOT / "data" / "sample" / "opportunities.csv", encoding="utf-8") as handle:
        flags = {row["id"]: row["illustrative"] == "true" for row in csv.DictReader(handle)}
    assert len(snapshot.opportunities) == len(flags) > 0
    for opp in snapshot.opportunities:
        text = rendered(build_opportunity_card(snapshot, view_of(opp, TODAY)))
        if flags[opp.id]:
            assert "sample value" in text and "Illustrative example" in text, opp.id
        else:
            assert "Real opportunity, as published by" in text and opp.source_url in text, opp.id


def test_a_service_page_section_lists_funding_for_its_work(provider):
    snapshot = provider.current()
    youth = [s for s in snapshot.services if "youth-violence" in s.term_ids and s.status == "active"]
    assert youth
    text = rendered(build_service_opportunities(youth[0], opportunities_for_service(snapshot, youth[0], TODAY)))
    assert "Funding for this kind of work" in text and "Stronger Futures 3" in text

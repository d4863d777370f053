"""The performance pages rendered through the router on the sample register."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import plotly
import pytest

from callbacks.router import PageContext, render_page
from explorer.settings import Settings
from tests.conftest import CACHE_DIR, DATA_DIR

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def provider(sample_db, tmp_path_factory):
    from explorer.app import create_app

    path = tmp_path_factory.mktemp("pages") / "app.db"
    shutil.copy(sample_db, path)
    settings = Settings(database_url=f"sqlite:///{path}", data_dir=DATA_DIR, cache_dir=CACHE_DIR, check_interval=0.0)
    return create_app(settings, today=lambda: TODAY).server.config["EXPLORER_PROVIDER"]


def _text(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


@pytest.mark.parametrize(
    ("path", "search", "expected"),
    [
        ("/performance", "", "At a glance: 2026-Q3"),  # drawn with its results, not a frame filled on load
        ("/performance", "?programme=MyEnds", '"value": "MyEnds"'),
        ("/performance/report", "", "Six-monthly performance report: January to June 2026"),
        ("/performance/report", "?period=2026-H2", "This half-year is not over"),
        ("/performance/report", "?period=2025-H2", "July to December 2025"),
        ("/performance/report", "?period=bad", "is not a half-year"),
    ],
)
def test_pages_render(provider, path, search, expected):
    page = render_page(provider, path, search, PageContext(today=lambda: TODAY))
    assert expected in _text(page)


def test_service_page_has_the_performance_panels(provider):
    snapshot = provider.current()
    measured = {m.service_id for m in snapshot.measures}
    service = next(s for s in snapshot.services if s.id in measured)
    page = _text(render_page(provider, f"/service/{service.id}", "", PageContext(today=lambda: TODAY)))
    for title in ("Overall rating", "Funding", "Duration", "Spend", "Performance", "Reach", "Cost per person helped"):
        assert f'"{title}"' in page
    assert "sample value" in page

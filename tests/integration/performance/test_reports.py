"""The six-monthly report downloads (Flask test client) checked row by row against the register."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil

import pytest

from explorer.domain import rag
from explorer.settings import Settings
from tests.conftest import CACHE_DIR, DATA_DIR

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def app(sample_db, tmp_path_factory):
    from explorer.app import create_app

    path = tmp_path_factory.mktemp("reports") / "app.db"
    shutil.copy(sample_db, path)
    settings = Settings(database_url=f"sqlite:///{path}", data_dir=DATA_DIR, cache_dir=CACHE_DIR, check_interval=0.0)
    return create_app(settings, today=lambda: TODAY)


@pytest.fixture(scope="module")
def snapshot(app):
    return app.server.config["EXPLORER_PROVIDER"].current()


@pytest.fixture(scope="module")
def csv_rows(app):
    response = app.server.test_client().get("/performance/report.csv?period=2026-H1")
    assert response.status_code == 200
    assert response.content_type == "text/csv; charset=utf-8"
    assert 'filename="performance-report-2026-H1.csv"' in response.headers["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8"))))


def _number(text: str) -> float | None:
    return float(text) if text != "" else None


def test_every_service_and_measure_is_in_the_report(csv_rows, snapshot):
    assert {r["Service ID"] for r in csv_rows} == {s.id for s in snapshot.services}
    measured = {m.id for m in snapshot.measures}
    assert {r["Measure ID"] for r in csv_rows if r["Measure ID"]} == measured
    # One row per measure, plus one for each service that has none.
    without = {s.id for s in snapshot.services} - {m.service_id for m in snapshot.measures}
    assert len(csv_rows) == len(measured) + len(without)
    assert all(r["RAG"] == "No measure" for r in csv_rows if r["Service ID"] in without)


def test_report_rows_match_the_register(csv_rows, snapshot):
    values = {(v.measure_id, v.period): v for v in snapshot.measure_values}
    measures = {m.id: m for m in snapshot.measures}
    checked = 0
    from explorer.services.contracts import service_contracts, with_published_figures

    for row in csv_rows:
        # Issue 16: a value or period the register lacks comes from the service's matched public notice.
        service = with_published_figures(snapshot.service(row["Service ID"]),
                                         service_contracts(snapshot, row["Service ID"]))
        assert row["Service"] == service.name
        assert row["Programme"] == service.programme
        assert _number(row["Contract value (GBP)"]) == service.contract_value_gbp
        assert row["End date"] == (service.end_date.isoformat() if service.end_date else "")
        assert row["Produced on"] == TODAY.isoformat()
        assert row["Data version"].startswith(f"version {snapshot.version_key}")
        assert row["Report period"].startswith("2026-H1")
        ran = (service.start_date is None or service.start_date <= dt.date(2026, 6, 30)) and (
            service.end_date is None or service.end_date >= dt.date(2026, 1, 1)
        )
        assert row["Running in half-year"] == ("yes" if ran else "no")
        if not row["Measure ID"]:
            continue
        m = measures[row["Measure ID"]]
        q1, q2 = values.get((m.id, "2026-Q1")), values.get((m.id, "2026-Q2"))
        assert _number(row["First quarter actual"]) == (q1.actual if q1 else None)
        assert _number(row["Second quarter actual"]) == (q2.actual if q2 else None)
        expected = rag.rate(m.direction, m.target, q2.actual if q2 else None, m.green_at, m.amber_at)
        assert row["RAG"] == rag.style(expected).word
        sample = service.illustrative or m.illustrative or any(v and v.illustrative for v in (q1, q2))
        if sample:
            assert row["Illustrative"] == "sample value"
        checked += 1
    assert checked > 100


def test_illustrative_rows_name_their_sample_parts(csv_rows):
    sample = [r for r in csv_rows if r["Illustrative"] == "sample value"]
    assert sample, "the sample register has illustrative figures"
    assert all(r["Sample parts"] for r in sample)
    assert all(r["Illustrative"] in ("sample value", "published") for r in csv_rows)


def test_xlsx_has_the_same_rows(app, csv_rows):
    from openpyxl import load_workbook

    response = app.server.test_client().get("/performance/report.xlsx?period=2026-H1")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data))
    sheet = book["Report"]
    header = [c.value for c in sheet[1]]
    assert header == list(csv_rows[0].keys())
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(body) == len(csv_rows)
    ids_col = header.index("Service ID")
    rag_col = header.index("RAG")
    assert [(r[ids_col], r[rag_col]) for r in body] == [(r["Service ID"], r["RAG"]) for r in csv_rows]
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True)}
    assert about["Half-year"].startswith("2026-H1")
    assert "sample value" in about["Sample values"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Say which half-year you want"),
        ("?period=2026-H3", "is not a half-year"),
        ("?period=2026-Q1", "is not a half-year"),
        ("?period=nonsense", "write it like 2025-H2"),
        ("?period=2027-H1", "has not begun yet"),
    ],
)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_bad_period_is_a_clear_400(app, query, message, kind):
    response = app.server.test_client().get(f"/performance/report.{kind}{query}")
    assert response.status_code == 400
    assert response.content_type.startswith("text/plain")
    assert message in response.data.decode()


def test_formula_like_text_is_never_a_formula():
    from explorer.api.reports import _csv_cell

    assert _csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _csv_cell(-5.0) == -5
    assert _csv_cell(None) == ""


# -- issue 16: matched public contracts in the report ----------------------------------------

SV = "svc-pan-london-sexual-violence-support"
SV_NOTICE = ("https://github.com/apa999/CFServer1/blob/cfda786f8069d6df8a0d4e7b38beff81e3a36338/"
             "CFServerTests/TestData/TestData.swift#L6362")


def test_a_matched_contract_is_in_the_report_as_a_published_figure_with_its_notice(csv_rows, snapshot):
    (row,) = [r for r in csv_rows if r["Service ID"] == SV]
    assert snapshot.service(SV).contract_value_gbp is None  # the register row has no value: the notice gives it
    assert (row["Contract value (GBP)"], row["Start date"], row["End date"]) == ("65387492", "2025-05-01", "2032-03-31")
    assert "£65,387,492 (estimated value in the tender notice)" in row["Published contracts"]
    assert row["Contract notice"] == SV_NOTICE
    assert row["Illustrative"] == "published" and row["Running in half-year"] == "yes"
    matched = {c.service_id for c in snapshot.contracts if c.service_id}
    assert {r["Service ID"] for r in csv_rows if r["Contract notice"]} == matched
    assert not any(r["Published contracts"] for r in csv_rows if r["Service ID"] not in matched)


def test_the_spreadsheet_and_the_printable_page_carry_the_contracts_too(app):
    import json

    import plotly
    from openpyxl import load_workbook

    from callbacks.router import PageContext, render_page

    book = load_workbook(io.BytesIO(app.server.test_client().get("/performance/report.xlsx?period=2026-H1").data))
    sheet = book["Report"]
    header = [c.value for c in sheet[1]]
    (row,) = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[header.index("Service ID")] == SV]
    assert row[header.index("Contract notice")] == SV_NOTICE and row[header.index("Contract value (GBP)")] == 65387492
    page = json.dumps(render_page(app.server.config["EXPLORER_PROVIDER"], "/performance/report", "?period=2026-H1",
                                  PageContext()), cls=plotly.utils.PlotlyJSONEncoder)
    assert "Published contracts (public notices, published figures): Pan London Sexual Violence Support Service" in page
    assert SV_NOTICE + '\\" rel=\\"noopener\\" target=\\"_blank\\">Read the notice' in page

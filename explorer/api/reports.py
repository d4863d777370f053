"""API layer: the six-monthly performance report as CSV and XLSX downloads.

``/performance/report.csv?period=2025-H2`` and ``/performance/report.xlsx?period=2025-H2`` give
the same rows as the printable page at ``/performance/report``: every service, its measures,
ratings, funding and duration, with the date the report was produced and the data version it
came from. A missing or malformed period gets a 400 with a message saying what to send.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Callable

from flask import Blueprint, Flask, Response, current_app, request

from explorer.domain.tabular import append_xlsx_row, csv_cell, csv_text
from explorer.domain.periods import HalfYear, parse_half_year, quarter_of
from explorer.services.performance import Report, ReportRow, report_half_years, six_monthly_report

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: The files' column headings, in order, and the :class:`ReportRow` field each one shows.
REPORT_COLUMNS = (
    ("Service ID", "service_id"),
    ("Service", "service"),
    ("Provider", "provider"),
    ("Commissioner", "commissioner"),
    ("Programme", "programme"),
    ("Funding stream", "funding_stream"),
    ("Status", "status"),
    ("Contract value (GBP)", "contract_value_gbp"),
    ("Start date", "start_date"),
    ("End date", "end_date"),
    ("Published contracts", "published_contracts"),
    ("Contract notice", "contract_notice"),
    ("Time left", "time_left"),
    ("Running in half-year", "running_in_half_year"),
    ("Overall RAG", "overall_rag"),
    ("Measure ID", "measure_id"),
    ("Measure", "measure"),
    ("Unit", "unit"),
    ("Better when", "better_when"),
    ("Target", "target"),
    ("Thresholds", "thresholds"),
    ("First quarter", "first_quarter"),
    ("First quarter actual", "first_quarter_actual"),
    ("Second quarter", "second_quarter"),
    ("Second quarter actual", "second_quarter_actual"),
    ("RAG", "rag"),
    ("Trend", "trend"),
    ("Narrative", "narrative"),
    ("Budget in half-year (GBP)", "budget_in_half_year_gbp"),
    ("Spend in half-year (GBP)", "spend_in_half_year_gbp"),
    ("People helped in half-year", "people_helped_in_half_year"),
    ("Illustrative", "illustrative"),
    ("Sample parts", "sample_parts"),
    ("Source", "source"),
    ("Report period", "report_period"),
    ("Produced on", "produced_on"),
    ("Data version", "data_version"),
)
HEADINGS = tuple(heading for heading, _field in REPORT_COLUMNS)
MONEY_COLUMNS = ("Contract value (GBP)", "Budget in half-year (GBP)", "Spend in half-year (GBP)")
DATE_COLUMNS = ("Start date", "End date", "Produced on")


class BadPeriod(ValueError):
    """The request named no half-year, or one that cannot be reported."""


def register(server: Flask, today: Callable[[], dt.date] = dt.date.today) -> None:
    """Adds the report downloads to ``server``; the snapshot comes from its EXPLORER_PROVIDER."""
    blueprint = Blueprint("performance_reports", __name__)

    @blueprint.get("/performance/report.csv")
    def report_csv():
        return _respond(today, "csv")

    @blueprint.get("/performance/report.xlsx")
    def report_xlsx():
        return _respond(today, "xlsx")

    server.register_blueprint(blueprint)


def requested_half(text: str | None, available: tuple[HalfYear, ...], today: dt.date) -> HalfYear:
    """The half-year a request asks for.

    Raises:
        BadPeriod: For a missing or malformed period, or one that has not begun.
    """
    choices = ", ".join(h.code for h in available) or "none yet"
    if not text or not text.strip():
        raise BadPeriod(
            "Say which half-year you want, like ?period=2025-H2 (H1 is January to June, H2 is July to "
            f"December). Half-years with figures: {choices}."
        )
    try:
        half = parse_half_year(text)
    except ValueError as exc:
        raise BadPeriod(f"{exc}. Half-years with figures: {choices}.") from exc
    if half.start > quarter_of(today).end:
        raise BadPeriod(f"{half.code} has not begun yet. Half-years with figures: {choices}.")
    return half


def _cells(row: ReportRow) -> list:
    """A report row's values in the files' column order."""
    return [getattr(row, name) for _heading, name in REPORT_COLUMNS]


def report_csv_text(report: Report) -> str:
    """The report as CSV text: a header row, then one row per measure."""
    return csv_text(HEADINGS, (_cells(row) for row in report.rows))


def report_xlsx_bytes(report: Report) -> bytes:
    """The report as an XLSX workbook: the rows, and an 'About' sheet with the rules and sources."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Report"
    sheet.append(list(HEADINGS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sample_fill = PatternFill("solid", fgColor="FFF4C2")
    for row in report.rows:
        append_xlsx_row(sheet, _cells(row))
        if row.illustrative == "sample value":
            sheet.cell(row=sheet.max_row, column=HEADINGS.index("Illustrative") + 1).fill = sample_fill
    for number, column in enumerate(HEADINGS, start=1):
        letter = get_column_letter(number)
        if column in MONEY_COLUMNS:
            for cell in sheet[letter][1:]:
                cell.number_format = '"£"#,##0'
        if column in DATE_COLUMNS:
            for cell in sheet[letter][1:]:
                cell.number_format = "d mmm yyyy"
        sheet.column_dimensions[letter].width = 18 if column not in ("Service", "Measure", "Thresholds", "Narrative") else 40
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions

    about = book.create_sheet("About")
    for line in (
        ("Six-monthly performance report", ""),
        ("Half-year", f"{report.half.code} ({report.half.label})"),
        ("Quarters", ", ".join(report.half.quarter_codes)),
        ("Produced on", report.produced),
        ("Data version", report.data_version),
        ("Services", report.services),
        ("Rows", len(report.rows)),
        ("Rows with sample values", report.illustrative_rows),
        ("Rules", report.rules),
        ("Sample values", "Rows whose Illustrative column says 'sample value' contain illustrative figures, "
                          "not published ones; the Sample parts column says which."),
    ):
        about.append(list(line))
    about["A1"].font = Font(bold=True, size=14)
    about["B4"].number_format = "d mmm yyyy"
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 100
    for cell in about["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _respond(today: Callable[[], dt.date], kind: str) -> Response:
    snapshot = current_app.config["EXPLORER_PROVIDER"].current()
    day = today()
    try:
        half = requested_half(request.args.get("period"), report_half_years(snapshot, day), day)
    except BadPeriod as exc:
        return Response(str(exc) + "\n", status=400, mimetype="text/plain")
    report = six_monthly_report(snapshot, half, day)
    name = f"performance-report-{half.code}"
    if kind == "csv":
        response = Response(report_csv_text(report), content_type=CSV_TYPE)
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        response = Response(report_xlsx_bytes(report), content_type=XLSX_TYPE)
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    response.headers["X-Data-Version"] = str(snapshot.version_key)
    response.headers["Cache-Control"] = "no-cache"
    return response


#: A value as a CSV cell (the one safe tabular writer's rule).
_csv_cell = csv_cell

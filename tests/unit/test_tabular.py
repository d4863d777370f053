"""Unit tests: the one safe tabular writer (CSV and XLSX) that every download and report uses."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from explorer.domain.tabular import append_xlsx_row, csv_bytes, csv_cell, csv_text


@pytest.mark.parametrize(
    "value, cell",
    [("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-cmd", "'-cmd"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
     ("plain", "plain"), (None, ""), (True, "true"), (3.0, 3), (-5.0, -5), (2.5, 2.5),
     (dt.date(2026, 3, 1), "2026-03-01")],
)
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell


def test_csv_text_neutralises_every_text_cell_and_the_header():
    text = csv_text(["name", "=head"], [["=HYPERLINK(1)", 4.0], [None, "ok"]])
    assert text.splitlines() == ["name,'=head", "'=HYPERLINK(1),4", ",ok"]
    assert csv_bytes(["a"], [["£"]]).startswith("\ufeff".encode())


def test_xlsx_text_that_looks_like_a_formula_stays_text():
    book = Workbook()
    append_xlsx_row(book.active, ["=SUM(1,2)", 5])
    out = io.BytesIO()
    book.save(out)
    cell = load_workbook(io.BytesIO(out.getvalue())).active["A1"]
    assert cell.data_type == "s" and cell.value == "=SUM(1,2)"

"""Unit tests: reading the MPS borough crime CSV, well formed and malformed, into financial years."""

from __future__ import annotations

import pytest

from explorer.ingest.crime import (
    ALL_CRIME,
    financial_year_of,
    is_met_format,
    months_of_year,
    read_met_crime,
)

NAMES = {"E09000002": "Barking and Dagenham", "E09000028": "Southwark", "E09000033": "Westminster"}
YEAR = [f"2024{m:02d}" for m in range(4, 13)] + [f"2025{m:02d}" for m in range(1, 4)]


def met_file(tmp_path, rows, months=YEAR, name="met.csv", header=None):
    """Writes a small file in the MPS layout; each row is (major, minor, borough, counts)."""
    lines = [",".join(header or ["MajorText", "MinorText", "BoroughName", *months])]
    for major, minor, borough, counts in rows:
        if not isinstance(counts, (list, tuple)):
            counts = [counts] * len(months)
        lines.append(",".join([major, minor, borough, *map(str, counts)]))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = [
    ("ROBBERY", "ROBBERY OF PERSONAL PROPERTY", "Southwark", 10),
    ("ROBBERY", "ROBBERY OF BUSINESS PROPERTY", "Southwark", 1),
    ("VIOLENCE AGAINST THE PERSON", "VIOLENCE WITH INJURY", "Southwark", 100),
    ("VIOLENCE AGAINST THE PERSON", "VIOLENCE WITH INJURY", "Westminster", 200),
    ("VIOLENCE AGAINST THE PERSON", "VIOLENCE WITH INJURY", "Unknown", 3),
]


def counts(result):
    return {(r.borough_code, r.financial_year, r.category): r.count for r in result.records}


def test_a_well_formed_file_sums_months_into_the_financial_year(tmp_path):
    result = read_met_crime([met_file(tmp_path, GOOD)], NAMES)
    assert result.report.ok, [p.as_text() for p in result.report.problems]
    assert counts(result) == {
        ("E09000028", "2024-25", "robbery"): 132,
        ("E09000028", "2024-25", "violence against the person"): 1200,
        ("E09000028", "2024-25", ALL_CRIME): 1332,
        ("E09000033", "2024-25", "violence against the person"): 2400,
        ("E09000033", "2024-25", ALL_CRIME): 2400,
    }
    assert result.complete_years == ("2024-25",)
    assert all(r.source_url == "https://data.london.gov.uk/dataset/recorded_crime_summary" for r in result.records)


def test_pseudo_boroughs_are_reported_and_left_out_not_errors(tmp_path):
    rows = GOOD + [("ROBBERY", "ROBBERY OF PERSONAL PROPERTY", "London Heathrow and London City Airports", 2)]
    result = read_met_crime([met_file(tmp_path, rows)], NAMES)
    assert result.report.ok
    warned = {(p.row, p.field, p.value) for p in result.report.warnings}
    assert warned == {
        (6, "BoroughName", "Unknown"),
        (7, "BoroughName", "London Heathrow and London City Airports"),
    }
    assert result.excluded == {"Unknown": 36, "London Heathrow and London City Airports": 24}
    assert "36 offences" in next(p.rule for p in result.report.warnings if p.value == "Unknown")


def test_a_part_year_is_flagged_and_not_summed(tmp_path):
    months = YEAR + ["202504", "202505"]
    result = read_met_crime([met_file(tmp_path, GOOD, months=months)], NAMES)
    assert result.report.ok
    assert {r.financial_year for r in result.records} == {"2024-25"}
    assert result.partial_years == {"2025-26": ("202504", "202505")}
    (warning,) = [p for p in result.report.warnings if p.field == "financial_year"]
    assert warning.value == "2025-26"
    assert "2 of 12 months, missing Jun 2025 to Mar 2026" in warning.rule


def test_two_files_join_into_whole_years(tmp_path):
    first = met_file(tmp_path, GOOD, months=YEAR[:8], name="historical.csv")
    second = met_file(tmp_path, GOOD, months=YEAR[8:], name="recent.csv")
    joined = read_met_crime([first, second], NAMES)
    assert joined.report.ok
    assert counts(joined) == counts(read_met_crime([met_file(tmp_path, GOOD)], NAMES))
    alone = read_met_crime([second], NAMES)
    assert alone.records == ()
    assert alone.partial_years == {"2024-25": tuple(YEAR[8:])}


def test_files_that_disagree_about_a_month_are_an_error(tmp_path):
    first = met_file(tmp_path, GOOD, name="a.csv")
    changed = [GOOD[0][:3] + (11,)] + GOOD[1:]
    second = met_file(tmp_path, changed, months=YEAR[-1:], name="b.csv")
    report = read_met_crime([first, second], NAMES).report
    (error,) = report.errors
    assert (error.file, error.row, error.field, error.value) == ("b.csv", 2, "202503", "11")
    assert "a.csv row 2" in error.rule


@pytest.mark.parametrize(
    "rows, row, field, value, rule",
    [
        (GOOD[:1] + [("ROBBERY", "ROBBERY OF PERSONAL PROPERTY", "Southwarke", 1)], 3, "BoroughName", "Southwarke",
         "did you mean Southwark"),
        (GOOD[:1] + [("ROBBERY", "ROBBERY OF PERSONAL PROPERTY", "Gotham", 1)], 3, "BoroughName", "Gotham",
         "is not a London borough name"),
        ([("ROBBERY", "X", "Southwark", [1] * 11 + ["n/a"])], 2, "202503", "n/a", "whole number"),
        ([("ROBBERY", "X", "Southwark", [1] * 11 + ["-4"])], 2, "202503", "-4", "whole number"),
        ([("ROBBERY", "X", "Southwark", [1] * 11 + ["2.5"])], 2, "202503", "2.5", "whole number"),
        ([("ROBBERY", "X", "Southwark", [""] + [1] * 11)], 2, "202404", "", "blank month"),
        ([("", "X", "Southwark", 1)], 2, "MajorText", "", "required"),
        ([("ROBBERY", "X", "Southwark", 1), ("ROBBERY", "X", "Southwark", 2)], 3, "BoroughName", "Southwark",
         "also on row 2"),
    ],
)
def test_bad_rows_are_named_by_row_field_value_and_rule(tmp_path, rows, row, field, value, rule):
    report = read_met_crime([met_file(tmp_path, rows)], NAMES).report
    assert not report.ok
    (error,) = report.errors
    assert (error.file, error.row, error.field, error.value) == ("met.csv", row, field, value)
    assert rule in error.rule


def test_a_gap_in_the_month_columns_is_an_error(tmp_path):
    months = [m for m in YEAR if m != "202407"]
    report = read_met_crime([met_file(tmp_path, GOOD, months=months)], NAMES).report
    (error,) = report.errors
    assert (error.row, error.field) == (1, "202407")
    assert "without a gap from 202404 to 202503; missing: 202407" in error.rule


@pytest.mark.parametrize(
    "header, field, rule",
    [
        (["MajorText", "MinorText", "Borough", *YEAR], "BoroughName", "must have the columns"),
        (["MajorText", "MinorText", "BoroughName", *YEAR[:-1], "Total"], "Total", "YYYYMM"),
        (["MajorText", "MinorText", "BoroughName", *YEAR[:-1], "202513"], "202513", "YYYYMM"),
        (["MajorText", "MinorText", "BoroughName"], "", "one column per month"),
    ],
)
def test_a_bad_header_is_an_error(tmp_path, header, field, rule):
    path = tmp_path / "met.csv"
    path.write_text(",".join(header) + "\nROBBERY,X,Southwark," + ",".join(["1"] * (len(header) - 3)) + "\n")
    report = read_met_crime([path], NAMES).report
    assert any(p.field == field and rule in p.rule for p in report.errors), [p.as_text() for p in report.problems]


def test_a_row_with_the_wrong_number_of_cells_is_an_error(tmp_path):
    path = met_file(tmp_path, GOOD)
    path.write_text(path.read_text() + "ROBBERY,X,Southwark,1,2\n")
    (error,) = read_met_crime([path], NAMES).report.errors
    assert error.row == 7 and "has 5 cells; the header has 15" in error.rule


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary"])
def test_an_unreadable_file_is_one_error(tmp_path, content):
    path = tmp_path / "met.csv"
    path.write_bytes(content)
    report = read_met_crime([path], NAMES).report
    assert len(report.errors) == 1 and report.errors[0].file == "met.csv"


def test_names_match_ignoring_case_spacing_and_ampersand(tmp_path):
    rows = [("ROBBERY", "X", "barking  &  dagenham", 1)]
    result = read_met_crime([met_file(tmp_path, rows)], NAMES)
    assert result.report.ok
    assert counts(result)[("E09000002", "2024-25", ALL_CRIME)] == 12


def test_is_met_format(tmp_path):
    assert is_met_format(met_file(tmp_path, GOOD))
    other = tmp_path / "crime.csv"
    other.write_text("borough_code,financial_year,category,count,source_url\n")
    assert not is_met_format(other)
    assert not is_met_format(tmp_path / "missing.csv")


@pytest.mark.parametrize(
    "month, year", [("202403", "2023-24"), ("202404", "2024-25"), ("202412", "2024-25"), ("199912", "1999-00")]
)
def test_financial_year_of(month, year):
    assert financial_year_of(month) == year


def test_months_of_year():
    assert months_of_year("2024-25") == tuple(YEAR)

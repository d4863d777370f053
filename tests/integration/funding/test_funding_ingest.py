"""Loading funding opportunities from CSV and XLSX, with our columns or Find a Grant's."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from explorer.ingest import opportunities as ingest
from explorer.ingest.publish import ingest_path

TODAY = dt.date(2026, 3, 2)
SOURCE = "https://www.london.gov.uk/example"

OURS = [
    ["id", "funder", "programme", "title", "description", "applicant_types", "min_award_gbp",
     "max_award_gbp", "total_pot_gbp", "opens", "closes", "boroughs", "service_areas", "url",
     "source_url", "last_verified", "illustrative", "awarded_note"],
    ["enfield-youth", "VRU", "Young Londoners Fund", "Enfield youth fund", "Mentoring.",
     "charity;community group", "5000", "50000", "1000000", "2026-02-01", "2026-03-20",
     "E09000010", "youth-violence", "https://example.org/apply", SOURCE, "2026-02-20", "true", ""],
    ["pan-hate", "MOPAC", "Community safety", "Tackling hate", "", "community group", "", "10000",
     "", "2026-04-01", "", "", "hate-crime", "", SOURCE, "2026-02-20", "false", ""],
]

FIND_A_GRANT = [
    ["grantName", "grantFunder", "grantShortDescription", "grantApplicantType", "grantLocation",
     "grantTotalAwardAmount", "grantMinimumAward", "grantMaximumAward", "grantApplicationOpenDate",
     "grantApplicationCloseDate", "grantWebpageUrl", "label"],
    ["Croydon summer fund", "Violence Reduction Unit", "Holiday activities.", "Non-profit, Local authority",
     "Croydon", "£1 million", "£5,000", "£25,000", "2026-02-01T09:00", "2026-03-29T23:59",
     "https://www.find-government-grants.service.gov.uk/grants/croydon-summer-fund", "croydon-summer-fund"],
    ["London wide fund", "MOPAC", "For all of London.", "Personal / Individual; Public Sector",
     "London", "£2.5m", "", "up to £10,000", "1 March 2026", "30/04/2026",
     "https://www.find-government-grants.service.gov.uk/grants/london-wide", ""],
]


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def validate(path, boroughs, terms=()):
    from explorer.domain.records import TaxonomyTerm

    terms = [TaxonomyTerm(id=t, name=t.replace("-", " "), source_url=SOURCE) for t in terms]
    return ingest.validate_opportunity_file(path, boroughs=boroughs, terms=terms, today=TODAY)


def test_our_own_columns(tmp_path, boroughs):
    result = validate(write_csv(tmp_path / "opportunities.csv", OURS), boroughs, ["youth-violence", "hate-crime"])
    assert result.report.ok, [p.as_text() for p in result.report.errors]
    first, second = result.records["funding_opportunity"]
    assert first.applicant_types == ("charity", "community group")
    assert (first.min_award_gbp, first.max_award_gbp, first.total_pot_gbp) == (5000, 50000, 1_000_000)
    assert first.closes == dt.date(2026, 3, 20) and first.illustrative is True
    assert second.boroughs == () and second.closes is None and second.illustrative is False


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_find_a_grant_columns(tmp_path, boroughs, kind):
    writer = write_csv if kind == "csv" else write_xlsx
    result = validate(writer(tmp_path / f"adverts.{kind}", FIND_A_GRANT), boroughs)
    assert result.report.ok, [p.as_text() for p in result.report.errors]
    croydon, london = result.records["funding_opportunity"]
    assert croydon.id == "croydon-summer-fund" and croydon.funder == "Violence Reduction Unit"
    assert croydon.programme == "Croydon summer fund"  # no programme column: the title stands in
    assert croydon.applicant_types == ("charity", "community group", "social enterprise", "borough")
    assert croydon.boroughs == ("E09000008",)
    assert (croydon.min_award_gbp, croydon.max_award_gbp, croydon.total_pot_gbp) == (5000, 25000, 1_000_000)
    assert (croydon.opens, croydon.closes) == (dt.date(2026, 2, 1), dt.date(2026, 3, 29))
    assert croydon.source_url == croydon.url
    assert london.id == "london-wide-fund" and london.boroughs == ()
    assert london.applicant_types == ("public body", "individual")
    assert (london.max_award_gbp, london.total_pot_gbp) == (10000, 2_500_000)
    assert (london.opens, london.closes) == (dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    warned = {(p.field, p.rule.split(":")[0]) for p in result.report.warnings}
    assert ("programme", "no such column") in warned and ("last_verified", "has never been checked by a person") in warned


def test_find_a_grant_page_labels_in_xlsx_with_real_dates(tmp_path, boroughs):
    rows = [
        ["Grant name", "Funding organisation", "Who can apply", "Location", "Total size of grant scheme",
         "Minimum award", "Maximum award", "Opening date", "Closing date", "Link"],
        ["Hackney fund", "MOPAC", "Non-profit", "London Borough of Hackney", 250000, 1000, 5000,
         dt.datetime(2026, 3, 1, 0, 0), dt.datetime(2026, 3, 31, 12, 0), "https://example.org/hackney"],
    ]
    result = validate(write_xlsx(tmp_path / "labels.xlsx", rows), boroughs)
    assert result.report.ok, [p.as_text() for p in result.report.errors]
    (record,) = result.records["funding_opportunity"]
    assert record.boroughs == ("E09000012",) and record.closes == dt.date(2026, 3, 31)
    assert record.total_pot_gbp == 250000


def test_every_bad_row_is_reported_with_row_field_value_and_rule(tmp_path, boroughs):
    rows = [
        FIND_A_GRANT[0],
        FIND_A_GRANT[1],
        # row 3: a non-London place, an unknown applicant, an amount that is not money
        ["Scottish fund", "MOPAC", "", "Charity people", "Scotland", "lots", "", "", "2026-01-01",
         "2026-02-01", "https://example.org/a", "scottish"],
        # row 4: closes before it opens, max below min, not a web address
        ["Backwards fund", "MOPAC", "", "Non-profit", "London", "", "9000", "100", "2026-05-01",
         "2026-04-01", "not a link", "backwards"],
        # row 5: a date that is not a date; row 6 repeats row 2's id
        ["Odd date fund", "MOPAC", "", "Non-profit", "Enfield", "", "", "", "the first of May",
         "", "https://example.org/b", "odd"],
        FIND_A_GRANT[1],
    ]
    result = validate(write_csv(tmp_path / "bad.csv", rows), boroughs)
    assert not result.report.ok
    errors = {(p.row, p.field, p.value, p.rule.split(" (")[0].split(":")[0]) for p in result.report.errors}
    assert (3, "grantLocation", "Scotland",
            "must include London, a London borough, or National") in errors
    assert (3, "grantApplicantType", "Charity people", "must be a kind of applicant") in errors
    assert (3, "grantTotalAwardAmount", "lots", "must be an amount in pounds, like 5000, £5,000 or £1.5 million") in errors
    assert (4, "grantApplicationCloseDate", "", "must not be before opens") in {
        (p.row, p.field, "", p.rule) for p in result.report.errors}
    assert any(p.row == 4 and p.field == "grantWebpageUrl" for p in result.report.errors)
    assert (5, "grantApplicationOpenDate", "the first of May", "must be a date like 2026-03-14 or 14/03/2026") in errors
    assert any(p.row == 6 and p.field == "label" and "unique" in p.rule for p in result.report.errors)
    assert (4, "grantMaximumAward", "100", "must not be below min_award_gbp") in errors
    assert not any(p.field == "source_url" for p in result.report.errors)  # copied from the bad link
    assert {p.row for p in result.report.errors} == {3, 4, 5, 6}


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        (b"", "is empty"),
        (b"\x00\x01binary", "is not a text file"),
        (b"colour,shape\nred,round\n", "a column with the opportunity's name is required"),
        (b"title,funder\n", "the file has a header but no rows"),
    ],
)
def test_unreadable_files_are_reported(tmp_path, boroughs, content, rule):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    report = validate(path, boroughs).report
    assert not report.ok and any(rule in p.rule for p in report.errors)


def test_unknown_service_area_is_an_error_when_areas_are_published(tmp_path, boroughs):
    rows = [OURS[0], OURS[1][:12] + ["knife crime"] + OURS[1][13:], OURS[2][:12] + ["bicycles"] + OURS[2][13:]]
    from explorer.domain.records import TaxonomyTerm

    terms = [TaxonomyTerm(id="youth-violence", name="Youth violence", synonyms=("knife crime",), source_url=SOURCE)]
    result = ingest.validate_opportunity_file(write_csv(tmp_path / "o.csv", rows), boroughs=boroughs,
                                              terms=terms, today=TODAY)
    assert [(p.row, p.field, p.value) for p in result.report.errors] == [(3, "service_areas", "bicycles")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(5000, 5000.0), ("£5,000", 5000.0), ("£1 million", 1e6), ("£2.5m", 2.5e6), ("10k", 1e4),
     ("up to £10,000", 1e4), ("", None), (None, None)],
)
def test_parse_money(value, expected):
    assert ingest.parse_money(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-03-14", dt.date(2026, 3, 14)), ("2026-03-14T23:59", dt.date(2026, 3, 14)),
     ("14/03/2026", dt.date(2026, 3, 14)), ("14 March 2026", dt.date(2026, 3, 14)),
     ("14th Mar 2026", dt.date(2026, 3, 14)), ("Friday 14 March 2026", None),
     (dt.datetime(2026, 3, 14, 12), dt.date(2026, 3, 14)), ("", None)],
)
def test_parse_date(value, expected):
    if value == "Friday 14 March 2026":  # 14 Mar 2026 is a Saturday: strptime ignores the weekday
        assert ingest.parse_date(value) == dt.date(2026, 3, 14)
        return
    assert ingest.parse_date(value) == expected


def test_publish_writes_one_version_and_a_bad_file_publishes_nothing(tmp_path, terms_store, boroughs):
    good = write_csv(tmp_path / "opportunities.csv", OURS)
    result = ingest_path(terms_store, "opportunities", good, boroughs=boroughs, today=TODAY)
    assert result.format == "find-a-grant"
    assert result.published, [p.as_text() for p in result.report.errors]
    versions, rows = terms_store.read_current()
    assert [r["id"] for r in rows["funding_opportunity"]] == ["enfield-youth", "pan-hate"]

    bad_rows = [OURS[0], OURS[1][:6] + ["lots"] + OURS[1][7:]]
    bad = ingest_path(terms_store, "opportunities", write_csv(tmp_path / "bad.csv", bad_rows),
                      boroughs=boroughs, today=TODAY)
    assert not bad.published and not bad.report.ok
    assert terms_store.current_versions()["opportunities"] == versions["opportunities"]

    dry = ingest_path(terms_store, "opportunities", good, boroughs=boroughs, dry_run=True, today=TODAY)
    assert dry.report.ok and not dry.published
    assert terms_store.current_versions()["opportunities"] == versions["opportunities"]

"""Unit tests: row-level and cross-row validation, as a table of bad inputs and the rule they break."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.ingest.validate import validate_tables

SOURCE = "https://www.london.gov.uk/mopac"
TODAY = dt.date(2026, 11, 26)


def lookup(postcode: str):
    """A fake postcode lookup: SE15 4AB is in Southwark; everything else is not London."""
    if postcode.replace(" ", "").upper() == "SE154AB":
        return 51.47, -0.07, "E09000028"
    raise ValueError(f"{postcode!r} is not a London postcode")


def org(**kw):
    return {"id": "org-1", "name": "Provider", "source_url": SOURCE, **kw}


def svc(**kw):
    row = {
        "id": "svc-1", "name": "Service", "commissioner": "MOPAC", "programme": "LCPF",
        "organization_id": "org-1", "access": "self-referral", "url": "https://example.org",
        "source_url": SOURCE, "last_verified": "2026-10-01", "confidential_location": "false",
    }
    row.update(kw)
    return row


def run(**tables):
    raw = {"organization": [org()], "service": [svc()], **tables}
    return validate_tables(raw, postcode_lookup=lookup, today=TODAY).report


def only(report):
    assert len(report.errors) == 1, [p.as_text() for p in report.problems]
    return report.errors[0]


@pytest.mark.parametrize(
    "row, field, rule_part",
    [
        (svc(name=""), "name", "required"),
        (svc(source_url="not a url"), "source_url", "web address"),
        (svc(url="javascript:alert(1)"), "url", "web address"),
        # Issue 16: commissioners are data; the Home Office is now one, a made-up body is not.
        (svc(commissioner="Ministry of Magic"), "commissioner", "MOPAC"),
        (svc(funder_of_record="Ministry of Magic"), "funder_of_record", "GLA"),
        (svc(variation_of="svc-1"), "variation_of", "another service"),
        (svc(access="walk-in"), "access", "self-referral"),
        (svc(contract_value_gbp="-5"), "contract_value_gbp", "greater than or equal to 0"),
        (svc(contract_value_gbp="lots"), "contract_value_gbp", "number"),
        (svc(start_date="2025-04-01", end_date="2024-03-31"), "end_date", "before start_date"),
        (svc(start_date="31/12/2024"), "start_date", "date"),
        (svc(minimum_age="18", maximum_age="11"), "maximum_age", "below minimum_age"),
        (svc(confidential_location="maybe"), "confidential_location", "true or false"),
        (svc(email="not-an-email"), "email", "email address"),
        (svc(funding_stream="Lottery"), "funding_stream", "one of"),
    ],
)
def test_a_bad_service_row_is_named_by_row_field_and_rule(row, field, rule_part):
    problem = only(validate_tables(
        {"organization": [org()], "service": [row]}, postcode_lookup=lookup, today=TODAY
    ).report)
    assert (problem.file, problem.row, problem.field) == ("services.csv", 2, field)
    assert rule_part in problem.rule


@pytest.mark.parametrize(
    "tables, file, field",
    [
        ({"service_area": [{"service_id": "svc-1", "borough_code": "E09000034"}]}, "service_areas.csv", "borough_code"),
        ({"service_area": [{"service_id": "svc-9", "borough_code": "E09000001"}]}, "service_areas.csv", "service_id"),
        ({"location": [{"id": "l1", "name": "x", "postcode": "M1 1AE", "source_url": SOURCE}]}, "locations.csv", "postcode"),
        ({"service_area": [{"service_id": "svc-1", "borough_code": "E09000001", "from_date": "2021-06-01",
                            "to_date": "2020-01-01"}]}, "service_areas.csv", "to_date"),
        ({"service_area": [{"service_id": "svc-1", "borough_code": "E09000001", "source_url": "nope"}]},
         "service_areas.csv", "source_url"),
        ({"service": [svc(variation_of="svc-404")]}, "services.csv", "variation_of"),
        ({"service": [svc(commissioner="GLA")],
          "commissioner": [{"code": "MOPAC", "name": "Mayor's Office for Policing and Crime", "source_url": SOURCE}]},
         "services.csv", "commissioner"),
        ({"spend": [{"service_id": "svc-1", "period": "2025-Q5", "source_url": SOURCE}]}, "spend.csv", "period"),
        ({"reach": [{"service_id": "svc-1", "borough_code": "E09000001", "period": "2025-Q1", "people": "-3",
                     "source_url": SOURCE}]}, "reach.csv", "people"),
        ({"measure": [{"id": "m1", "service_id": "svc-1", "name": "x", "direction": "up", "source_url": SOURCE}]},
         "measures.csv", "direction"),
    ],
)
def test_cross_table_rules(tables, file, field):
    problem = only(run(**tables))
    assert (problem.file, problem.field) == (file, field)


def test_duplicate_ids_are_errors_on_the_second_row():
    report = validate_tables(
        {"organization": [org()], "service": [svc(), svc()]}, postcode_lookup=lookup, today=TODAY
    ).report
    problem = only(report)
    assert (problem.row, problem.field) == (3, "id") and "unique" in problem.rule


def test_a_confidential_service_cannot_have_a_public_location():
    report = run(
        service=[svc(confidential_location="true")],
        location=[{"id": "l1", "name": "Refuge", "postcode": "SE15 4AB", "source_url": SOURCE}],
        service_at_location=[{"service_id": "svc-1", "location_id": "l1"}],
    )
    assert "confidential" in only(report).rule


def test_locations_get_coordinates_from_their_postcode():
    validated = validate_tables(
        {"location": [{"id": "l1", "name": "Office", "postcode": "se15 4ab", "source_url": SOURCE}]},
        postcode_lookup=lookup,
        today=TODAY,
    )
    assert validated.report.ok
    (loc,) = validated.records["location"]
    assert (loc.latitude, loc.longitude) == (51.47, -0.07)


@pytest.mark.parametrize(
    "row, rule_part",
    [
        (svc(last_verified="2025-06-01"), "12 months"),
        (svc(last_verified=""), "never been verified"),
        (svc(url=""), "no contact route"),
    ],
)
def test_warnings_are_reported_but_do_not_block(row, rule_part):
    report = validate_tables(
        {"organization": [org()], "service": [row]}, postcode_lookup=lookup, today=TODAY
    ).report
    assert report.ok
    assert [w for w in report.warnings if rule_part in w.rule]


def test_a_clean_register_has_no_problems():
    assert run().problems == ()


def test_blank_optional_cells_are_unknown_not_errors():
    report = validate_tables(
        {"organization": [org()], "service": [svc(contract_value_gbp="", minimum_age="", maximum_age=" ")]},
        postcode_lookup=lookup,
        today=TODAY,
    ).report
    assert report.ok, [p.as_text() for p in report.problems]

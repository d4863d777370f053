"""Unit tests: the LCPF page's read model (URL state, the view, inner/outer totals, the CSV)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from explorer.domain.lcpf import Weights
from explorer.services.lcpf import (
    LcpfQuery,
    build_view,
    controls_query,
    neutralise,
    parse_pot,
    parse_query,
    preset_of,
    scenario_csv,
)


def row(view, code):
    return next(r for r in view.rows if r.code == code)


def test_default_view_population_only_on_the_latest_crime_year_with_the_default_pot(small):
    view = build_view(small.snapshot(totals=[small.total]), LcpfQuery())
    assert view.year == "2024-25"
    assert view.pot_gbp == Decimal(1_000_000)
    assert view.scenario_label == "Formula: population only"
    assert row(view, "E09000003").scenario_gbp == Decimal("500000.00")
    assert row(view, "E09000033").scenario_gbp == Decimal("250000.00")
    assert sum(r.scenario_gbp for r in view.rows if r.scenario_gbp is not None) == Decimal(1_000_000)


def test_the_city_is_shown_with_its_caveat_and_no_money_or_crime(small):
    city = row(build_view(small.snapshot(), LcpfQuery()), "E09000001")
    assert not city.in_lcpf
    assert city.crime is None and city.scenario_gbp is None and city.actual_gbp is None
    assert "City of London Police" in city.caveat


def test_westminster_carries_the_daytime_population_caveat(small):
    assert "daytime" in row(build_view(small.snapshot(), LcpfQuery()), "E09000033").caveat


def test_differences_only_where_an_allocation_is_published(small):
    view = build_view(small.snapshot(allocations=[small.richmond]), LcpfQuery(weights=Weights(crime=1), pot_gbp=Decimal(1_000_000)))
    richmond = row(view, "E09000027")
    assert richmond.scenario_gbp == Decimal("100000.00")
    assert richmond.difference.gbp == Decimal("0.00") and richmond.difference.percent == 0.0
    barnet = row(view, "E09000003")
    assert barnet.actual_gbp is None and barnet.difference.gbp is None and barnet.difference.percent is None


def test_crime_shares_and_inner_outer_totals(small):
    view = build_view(small.snapshot(), LcpfQuery(weights=Weights(crime=1), pot_gbp=Decimal(1_000_000)))
    inner, outer = view.groups
    assert (inner.label, inner.boroughs, outer.boroughs) == ("Inner London", 1, 2)  # the City is not counted
    assert inner.crime == 60_000 and outer.crime == 40_000
    assert inner.crime_share == pytest.approx(0.6) and inner.scenario_share == pytest.approx(0.6)
    assert inner.scenario_gbp + outer.scenario_gbp == Decimal(1_000_000)
    assert inner.actual_gbp is None and inner.actual_count == 0


@pytest.mark.parametrize(
    "measure, code, expected",
    [
        ("allocation", "E09000003", 300_000.0),
        ("per-1000-residents", "E09000003", 750.0),
        ("per-100-crimes", "E09000003", 1_000.0),
        ("crime-per-1000", "E09000033", 300.0),
        ("crime-per-1000", "E09000001", None),
    ],
)
def test_map_measures(measure, code, expected, small):
    view = build_view(small.snapshot(), LcpfQuery(measure=measure, weights=Weights(crime=1), pot_gbp=Decimal(1_000_000)))
    assert row(view, code).measure(measure) == (pytest.approx(expected) if expected is not None else None)


def test_a_borough_missing_crime_is_reported_and_gets_no_share(small):
    rows = [c for c in small.crime if not (c.borough_code == "E09000027" and c.financial_year == "2024-25")]
    view = build_view(small.snapshot(crime_rows=rows), LcpfQuery(weights=Weights(crime=1), pot_gbp=Decimal(900)))
    assert row(view, "E09000027").scenario_gbp is None
    assert any("Richmond upon Thames" in m and "no share" in m for m in view.messages)
    assert row(view, "E09000003").scenario_gbp + row(view, "E09000033").scenario_gbp == Decimal(900)


def test_a_year_without_crime_figures_says_so_for_a_crime_formula(small):
    view = build_view(small.snapshot(), LcpfQuery(year="2023-24", weights=Weights(violence=1)))
    assert all(r.scenario_gbp is None for r in view.rows)
    assert any("no violence figures for 2023-24" in m for m in view.messages)


def test_current_allocation_shows_published_figures_only(small):
    view = build_view(small.snapshot(allocations=[small.richmond]), LcpfQuery(basis="current"))
    assert view.scenario_label.startswith("Current allocation")
    assert row(view, "E09000027").scenario_gbp == Decimal(100_000)
    assert row(view, "E09000003").scenario_gbp is None
    assert view.actual_count == 1 and view.lcpf_boroughs == 3


def test_all_weights_zero_is_an_error_in_words(small):
    view = build_view(small.snapshot(), LcpfQuery(weights=Weights()))
    assert view.error and "at least one factor" in view.error


@pytest.mark.parametrize(
    "query",
    [
        LcpfQuery(),
        LcpfQuery(year="2023-24", category="robbery", measure="allocation", weights=Weights(crime=2, violence=1.5),
                  pot_gbp=Decimal("12345678.90")),
        LcpfQuery(weights=Weights(population=1, equal=3), measure="crime-per-1000"),
        LcpfQuery(basis="current", category="sexual-offences"),
        LcpfQuery(weights=Weights()),
    ],
)
def test_the_url_gives_the_same_state_back(query):
    from urllib.parse import parse_qs

    parsed, notices = parse_query(parse_qs(query.to_search().lstrip("?")))
    assert notices == ()
    assert parsed == query or (query.basis == "current" and parsed.basis == "current")


@pytest.mark.parametrize(
    "params, notice",
    [
        ({"category": ["arson"]}, "Unknown crime measure"),
        ({"measure": ["pie"]}, "Unknown map measure"),
        ({"w_crime": ["lots"]}, "crime weight"),
        ({"w_crime": ["-1"]}, "crime weight"),
        ({"w_crime": ["1000"]}, "crime weight"),
        ({"pot": ["a million"]}, "not an amount"),
    ],
)
def test_bad_url_values_fall_back_with_a_notice(params, notice):
    query, notices = parse_query(params)
    assert any(notice in n for n in notices), notices


def test_an_unknown_year_falls_back_with_a_notice(small):
    view = build_view(small.snapshot(), LcpfQuery(year="1999-00"))
    assert view.year == "2024-25" and any("1999-00" in n for n in view.notices)


@pytest.mark.parametrize(
    "text, value",
    [("13000000", Decimal("13000000.00")), ("£13,000,000", Decimal("13000000.00")), ("0.015", Decimal("0.02")),
     ("-5", None), ("abc", None), ("2e9", None), (None, None)],
)
def test_parse_pot(text, value):
    assert parse_pot(text) == value


def test_presets_from_the_controls(small):
    snap = small.snapshot(totals=[small.total])
    state = dict(weights={"population": 1, "crime": 0, "violence": 0, "equal": 0, "deprivation": 0},
                 year="2024-25", category="all-crime", measure="allocation", pot=1_000_000, basis="formula")
    crime_only, _ = controls_query(snap, trigger="crime", **state)
    assert crime_only.weights == Weights(crime=1) and preset_of(crime_only) == "crime"
    assert crime_only.pot_gbp is None  # the default pot stays out of the URL
    current, _ = controls_query(snap, trigger="current", **state)
    assert current.basis == "current" and preset_of(current) == "current"
    edited, _ = controls_query(snap, trigger="weight", **{**state, "basis": "current"})
    assert edited.basis == "formula"
    mixed, _ = controls_query(snap, trigger="weight", **{**state, "weights": {"population": 2, "violence": 1}})
    assert mixed.weights == Weights(population=2, violence=1) and preset_of(mixed) is None


@pytest.mark.parametrize(
    "cell, safe",
    [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-cmd", "'-cmd"), ("@x", "'@x"), ("plain", "plain"),
     (Decimal("-5.00"), Decimal("-5.00")), (12, 12)],
)
def test_neutralise(cell, safe):
    assert neutralise(cell) == safe


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_has_every_borough_then_inner_and_outer_totals(small):
    view = build_view(small.snapshot(allocations=[small.richmond]), LcpfQuery(weights=Weights(crime=1), pot_gbp=Decimal("1000000.01")))
    rows = read_csv(scenario_csv(view))
    assert [r["borough_code"] for r in rows] == ["E09000001", "E09000003", "E09000027", "E09000033", "", ""]
    assert sum(Decimal(r["scenario_allocation_gbp"]) for r in rows[:4] if r["scenario_allocation_gbp"]) == Decimal("1000000.01")
    barnet = rows[1]
    assert barnet["actual_allocation_gbp"] == "not published" and barnet["difference_gbp"] == ""
    assert "No published allocation for Barnet 2024-25" in barnet["note"]
    assert rows[2]["actual_allocation_gbp"] == "100000.00" and rows[2]["difference_gbp"] != ""
    assert rows[0]["scenario_allocation_gbp"] == "" and "City of London Police" in rows[0]["note"]
    assert [r["borough"] for r in rows[4:]] == ["Inner London", "Outer London"]


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(1)"])
def test_the_csv_neutralises_formulas_in_text(name, small):
    evil = small.replace(small.snapshot(), boroughs=(small.borough("E09000003", name, "Outer", 400_000),))
    rows = read_csv(scenario_csv(build_view(evil, LcpfQuery())))
    assert rows[0]["borough"] == "'" + name
    assert rows[0]["scenario_allocation_gbp"] == "10000000.00"  # numbers stay numbers

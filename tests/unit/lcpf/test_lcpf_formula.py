"""Unit tests: the LCPF formula (shares, rounding to the penny, weights, missing figures)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from explorer.domain.lcpf import (
    BoroughFactors,
    FormulaError,
    MissingInput,
    Weights,
    apply_formula,
    default_pot,
    difference,
    largest_remainder,
    period_years,
    to_pence,
)
from explorer.domain.records import LcpfTotal

SOURCE = "https://www.london.gov.uk/mopac"

BOROUGHS = (
    BoroughFactors("E09000002", population=219_800, crime=19_920, violence=6_778),
    BoroughFactors("E09000003", population=388_400, crime=30_000, violence=8_000),
    BoroughFactors("E09000033", population=204_300, crime=89_558, violence=10_833),
)


@pytest.mark.parametrize(
    "quotas, total, expected",
    [
        ({"a": 1, "b": 1, "c": 1}, 100, {"a": 34, "b": 33, "c": 33}),
        ({"a": 1, "b": 1, "c": 1}, 2, {"a": 1, "b": 1, "c": 0}),
        ({"a": 2, "b": 1}, 10, {"a": 7, "b": 3}),
        ({"a": 1, "b": 0}, 5, {"a": 5, "b": 0}),
        ({"a": 1}, 0, {"a": 0}),
        # 0.6 / 0.4 of 7 is 4.2 / 2.8: b has the larger remainder and takes the spare unit.
        ({"a": 3, "b": 2}, 7, {"a": 4, "b": 3}),
    ],
)
def test_largest_remainder_shares_whole_units(quotas, total, expected):
    result = largest_remainder({k: Fraction(v) for k, v in quotas.items()}, total)
    assert result == expected
    assert sum(result.values()) == total


@pytest.mark.parametrize(
    "quotas, total, rule",
    [
        ({"a": 0, "b": 0}, 10, "nothing to share"),
        ({"a": -1, "b": 2}, 10, "negative"),
        ({"a": 1}, -1, "negative"),
    ],
)
def test_largest_remainder_refuses_impossible_shares(quotas, total, rule):
    with pytest.raises(FormulaError, match=rule):
        largest_remainder({k: Fraction(v) for k, v in quotas.items()}, total)


@pytest.mark.parametrize(
    "weights",
    [
        Weights(population=1),
        Weights(crime=1),
        Weights(equal=1),
        Weights(population=1, crime=2, violence=3),
        Weights(population=33.3, crime=33.3, violence=33.4, equal=7),
    ],
)
@pytest.mark.parametrize("pot", ["13000000", "13000000.01", "999.99", "0.07", "1"])
def test_allocations_add_up_to_the_pot_to_the_penny(weights, pot):
    result = apply_formula(BOROUGHS, weights, Decimal(pot))
    assert sum(result.allocations.values()) == to_pence(pot)
    assert sum(result.amount_gbp(b.code) for b in BOROUGHS) == Decimal(pot)


def test_population_only_shares_by_population():
    result = apply_formula(BOROUGHS, Weights(population=1), 812_500)
    total = 219_800 + 388_400 + 204_300
    for b in BOROUGHS:
        exact = Decimal(812_500) * b.population / total
        assert abs(result.amount_gbp(b.code) - exact) < Decimal("0.01")


def test_equal_per_borough_gives_the_same_to_each():
    result = apply_formula(BOROUGHS, Weights(equal=1), 300)
    assert set(result.allocations.values()) == {10_000}


def test_weights_are_proportions():
    assert apply_formula(BOROUGHS, Weights(population=1, crime=1), 1e6).allocations == apply_formula(
        BOROUGHS, Weights(population=50, crime=50), 1e6
    ).allocations


def test_a_zero_weight_removes_its_factor():
    with_zero = apply_formula(BOROUGHS, Weights(population=1, violence=0), 1e6)
    assert with_zero.allocations == apply_formula(BOROUGHS, Weights(population=1), 1e6).allocations
    assert with_zero.allocations != apply_formula(BOROUGHS, Weights(population=1, violence=1), 1e6).allocations


def test_a_zero_weight_makes_missing_figures_of_that_factor_irrelevant():
    boroughs = BOROUGHS + (BoroughFactors("E09000001", population=8_500, crime=None, violence=None),)
    result = apply_formula(boroughs, Weights(population=1, crime=0), 1e6)
    assert result.missing == ()
    assert "E09000001" in result.allocations


def test_a_missing_figure_is_reported_not_read_as_zero():
    boroughs = BOROUGHS + (BoroughFactors("E09000001", population=8_500, crime=None, violence=None),)
    result = apply_formula(boroughs, Weights(population=1, crime=1, violence=1), 1_000_000)
    assert result.missing == (
        MissingInput("E09000001", "crime"),
        MissingInput("E09000001", "violence"),
    )
    assert result.unallocated == ("E09000001",)
    assert "E09000001" not in result.allocations
    assert result.amount_gbp("E09000001") is None
    # The others share the whole pot, exactly as if the borough were not there.
    assert result.allocations == apply_formula(BOROUGHS, Weights(population=1, crime=1, violence=1), 1_000_000).allocations
    assert sum(result.allocations.values()) == 100_000_000


def test_every_borough_missing_gives_no_allocations():
    boroughs = (BoroughFactors("E09000002", population=1), BoroughFactors("E09000003", population=2))
    result = apply_formula(boroughs, Weights(deprivation=1), 100)
    assert result.allocations == {}
    assert result.unallocated == ("E09000002", "E09000003")


@pytest.mark.parametrize(
    "make, rule",
    [
        (lambda: apply_formula(BOROUGHS, Weights(), 100), "at least one factor"),
        (lambda: apply_formula(BOROUGHS, Weights(population=1), -5), "0 or more"),
        (lambda: apply_formula(BOROUGHS, Weights(population=1), "lots"), "amount in pounds"),
        (lambda: Weights(population=-1), "between 0 and 100"),
        (lambda: Weights(crime=101), "between 0 and 100"),
        (lambda: Weights(crime=float("nan")), "must be a number"),
        (
            lambda: apply_formula((BoroughFactors("E09000002", crime=0),), Weights(crime=1), 100),
            "add up to zero",
        ),
    ],
)
def test_impossible_formulas_say_why(make, rule):
    with pytest.raises(FormulaError, match=rule):
        make()


@pytest.mark.parametrize(
    "actual, scenario, gbp, percent",
    [
        (100.0, Decimal("150"), Decimal("50"), 50.0),
        (200, Decimal("100"), Decimal("-100"), -50.0),
        (None, Decimal("100"), None, None),
        (100, None, None, None),
        (0, Decimal("5"), Decimal("5"), None),
    ],
)
def test_difference_only_where_both_exist(actual, scenario, gbp, percent):
    result = difference(actual, scenario)
    assert result.gbp == gbp
    assert result.percent == percent


@pytest.mark.parametrize(
    "text, years",
    [
        ("2024-25", ("2024-25",)),
        ("2013/14", ("2013-14",)),
        ("2022/23-2024/25", ("2022-23", "2023-24", "2024-25")),
        ("2019/20-2020/21", ("2019-20", "2020-21")),
        ("2022-23 to 2024-25", ("2022-23", "2023-24", "2024-25")),
        ("2018/19 onwards", ("2018-19",)),
        ("2024-26", ()),
        ("", ()),
    ],
)
def test_period_years(text, years):
    assert period_years(text) == years


def total(period, measure, amount):
    return LcpfTotal(financial_year=period, measure=measure, amount_gbp=amount, source_url=SOURCE)


def test_default_pot_is_the_latest_direct_borough_total_for_one_year():
    pot = default_pot(
        [
            total("2019/20-2020/21", "direct_borough_funding_total", 26_210_370),
            total("2022/23-2024/25", "direct_borough_funding_total", 39_000_000),
            total("2022/23-2024/25", "co_commissioning_fund_total", 9_800_000),
            total("2013/14", "annual_fund_total", 18_000_000),
        ]
    )
    assert pot.amount_gbp == Decimal(13_000_000)
    assert pot.years == 3 and pot.period == "2022/23-2024/25"
    assert "divided by its 3 years" in pot.explanation


def test_no_direct_borough_total_gives_no_default_pot():
    assert default_pot([total("2013/14", "annual_fund_total", 18_000_000)]) is None

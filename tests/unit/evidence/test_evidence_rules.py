"""The evaluation record and its date rules: partial dates, planned → overdue with an injected today."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from explorer.domain.evidence import DESIGN_SCALE, Evaluation, PartialDate, sort_key, state, when_text


def evaluation(**changes) -> Evaluation:
    row = {
        "id": "eval-x", "programme": "X", "service_ids": "svc-a;svc-b", "finding_summary": "No difference at 12 months.",
        "status": "planned", "source_url": "https://example.org/a;https://example.org/b",
    }
    return Evaluation.model_validate({**row, **changes})


@pytest.mark.parametrize(
    ("text", "last_day", "words"),
    [
        ("2025", dt.date(2025, 12, 31), "2025"),
        ("2025-08", dt.date(2025, 8, 31), "August 2025"),
        ("2024-02", dt.date(2024, 2, 29), "February 2024"),
        ("2021-11-21", dt.date(2021, 11, 21), "21 November 2021"),
    ],
)
def test_a_partial_date_means_its_last_possible_day(text, last_day, words):
    date = PartialDate.parse(text)
    assert date.last_day == last_day
    assert date.words() == words


@pytest.mark.parametrize("text", ["early 2025", "2025-13", "2021-02-30", "21/11/2021", "25"])
def test_a_date_that_is_not_a_partial_date_is_refused(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("due", "today", "expected", "words"),
    [
        ("2025-08", dt.date(2025, 8, 31), "planned", "Planned: due August 2025"),
        ("2025-08", dt.date(2025, 9, 1), "overdue", "Overdue: due August 2025, and no results are published in this register"),
        ("2025", dt.date(2025, 12, 31), "planned", "Planned: due 2025"),
        ("2025", dt.date(2026, 1, 1), "overdue", "Overdue: due 2025, and no results are published in this register"),
        (None, dt.date(2040, 1, 1), "planned", "Planned: no date for results has been published"),
    ],
)
def test_a_planned_evaluation_is_overdue_only_after_its_due_date(due, today, expected, words):
    planned = evaluation(due=due)
    assert state(planned, today) == expected
    assert when_text(planned, today) == words


def test_a_published_evaluation_is_never_overdue_and_says_when():
    published = evaluation(status="published", published="2021-07")
    assert state(published, dt.date(2099, 1, 1)) == "published"
    assert when_text(published, dt.date(2099, 1, 1)) == "Published July 2021"
    undated = evaluation(status="published")
    assert when_text(undated, dt.date(2026, 1, 1)) == "Published (the source gives no date)"


def test_lists_and_sources_are_split_and_each_source_is_a_web_address():
    ok = evaluation()
    assert ok.service_ids == ("svc-a", "svc-b")
    assert ok.source_url == ("https://example.org/a", "https://example.org/b")
    with pytest.raises(ValidationError, match="web address"):
        evaluation(source_url="https://example.org/a;not a link")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"finding_summary": ""}, "finding_summary"),
        ({"source_url": ""}, "source_url"),
        ({"service_ids": ""}, "service_ids"),
        ({"status": "done"}, "status"),
        ({"design_level": "very strong"}, "design_level"),
        ({"published": "2021"}, "published"),  # a planned evaluation has no publication date
        ({"status": "published", "due": "2025"}, "due"),
        ({"cost_per_participant_gbp": "-5"}, "cost_per_participant_gbp"),
    ],
)
def test_bad_rows_are_refused_naming_the_field(changes, field):
    with pytest.raises(ValidationError) as raised:
        evaluation(**changes)
    assert field in str(raised.value)


def test_the_scale_runs_from_the_providers_own_report_to_a_randomised_trial():
    assert [level.rank for level in DESIGN_SCALE] == [1, 2, 3, 4, 5]
    assert DESIGN_SCALE[0].label == "Provider's own report"
    assert DESIGN_SCALE[-1].label == "Randomised trial"
    assert evaluation(design_level="quasi-experimental").level.rank == 4
    assert evaluation().level is None


def test_published_come_first_newest_first_then_planned_soonest_due_first():
    items = [
        evaluation(id="p-undated", status="published"),
        evaluation(id="planned-undated"),
        evaluation(id="planned-2025", due="2025"),
        evaluation(id="p-2016", status="published", published="2016-02"),
        evaluation(id="p-2021", status="published", published="2021-07"),
    ]
    assert [e.id for e in sorted(items, key=sort_key)] == [
        "p-2021", "p-2016", "p-undated", "planned-2025", "planned-undated"
    ]

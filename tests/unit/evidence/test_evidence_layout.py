"""The evidence components: every finding drawn alike, the scale on the page, the no-ratio note said once."""

from __future__ import annotations

import datetime as dt

from explorer.domain.evidence import DESIGN_SCALE, Evaluation
from explorer.layout.evidence import build_programme_evidence, build_service_evidence
from explorer.services.evidence import NO_RATIO_NOTE, ProgrammeEvidence, ServiceEvidence, items_for

TODAY = dt.date(2026, 11, 29)


def evaluation(**changes) -> Evaluation:
    row = {"id": "e", "programme": "P", "service_ids": "svc-a", "finding_summary": "Found nothing.",
           "status": "published", "source_url": "https://example.org/report"}
    return Evaluation.model_validate({**row, **changes})


def _classes(component) -> list[str]:
    found = []
    stack = [component]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(node)
            continue
        if hasattr(node, "className") and getattr(node, "className", None):
            found.append(node.className)
        children = getattr(node, "children", None)
        if children is not None and not isinstance(children, str):
            stack.append(children)
    return found


def test_positive_null_and_negative_findings_are_drawn_alike():
    items = items_for([
        evaluation(id="worse", finding_summary="Participants were re-arrested more often.", published="2021-07"),
        evaluation(id="better", finding_summary="Participants were re-arrested less often.", published="2020"),
        evaluation(id="due", status="planned", due="2025-08", finding_summary="Trial under way."),
    ], TODAY)
    section = build_service_evidence(ServiceEvidence("svc-a", "P", items))
    text = str(section)
    for finding in ("re-arrested more often", "re-arrested less often", "Trial under way"):
        assert finding in text
    assert "Overdue: due August 2025" in text
    articles = section.children[-1].children
    assert len({tuple(_classes(li.children)) for li in articles[:2]}) == 1  # the two published items look the same
    assert all(level.label in text for level in DESIGN_SCALE)  # the scale is explained on the page
    assert "https://example.org/report" in text


def test_the_dashboard_says_once_that_no_ratio_is_published_and_labels_sample_figures():
    rows = [
        ProgrammeEvidence(f"Programme {n}", 1, 1000.0, 10, 100.0, illustrative=(n == 0),
                          items=items_for([evaluation(id=f"e{n}", cost_per_participant_gbp="2126" if n == 1 else None)], TODAY))
        for n in range(3)
    ]
    text = str(build_programme_evidence(rows, filtered="none"))
    assert text.count(NO_RATIO_NOTE) == 1
    assert text.count("children='sample value'") == 3  # badges on the spend, people and cost of the one sample row
    assert "£2,126" in text and text.count("none published") == 2
    assert "Showing only services with no evaluation published." in text
    assert "ratio" not in text.replace(NO_RATIO_NOTE, "").replace("evidence-no-ratio", "")

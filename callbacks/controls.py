"""Callbacks: keep the summary line of each collapsible checklist in step with its boxes."""

from __future__ import annotations

from typing import Iterable

from dash import Input, Output, State

from explorer.layout.controls import checklist_summary, summary_id


def register_summaries(app, checklists: Iterable[tuple[str, str]]) -> None:
    """For each ``(checklist_id, none_label)``, update its summary when a box is ticked."""
    for checklist_id, none_label in checklists:
        _register_one(app, checklist_id, none_label)


def _register_one(app, checklist_id: str, none_label: str) -> None:
    @app.callback(
        Output(summary_id(checklist_id), "children"),
        Input(checklist_id, "value"),
        State(checklist_id, "options"),
        prevent_initial_call=True,
    )
    def update_summary(value, options):
        return checklist_summary(options or [], value, none_label)

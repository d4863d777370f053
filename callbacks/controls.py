"""Callbacks shared by several screens: checklist summary lines, and a service's area on the borough map."""

from __future__ import annotations

from typing import Iterable

from dash import ALL, Input, Output, State, ctx, no_update
from dash.dependencies import DashDependency

from explorer import ids
from explorer.layout.controls import checklist_summary, summary_id
from explorer.layout.home import with_service_area
from explorer.pages.home import service_area


def each(kind: type[DashDependency], prop: str, *component_ids: str) -> list[DashDependency]:
    """The same property of several components, in order: ``*each(Input, "value", ids.A, ids.B)``."""
    return [kind(component_id, prop) for component_id in component_ids]


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


def register_show_area(app, provider, **output_options) -> None:
    """Highlights a service's boroughs on the borough map when its "show area" button is pressed.

    Args:
        app: The Dash app (the explorer's or the embed's).
        provider: Hands out the current snapshot.
        output_options: Passed to the hideout's ``Output`` (``allow_duplicate=True`` on the home page).
    """

    @app.callback(
        Output(ids.BOROUGH_LAYER, "hideout", **output_options),
        Input({"type": ids.SHOW_AREA, "index": ALL}, "n_clicks"),
        State(ids.BOROUGH_LAYER, "hideout"),
        prevent_initial_call=True,
    )
    def on_show_area(clicks, hideout):
        if not ctx.triggered_id or not any(clicks or []):
            return no_update
        return with_service_area(hideout, service_area(provider, ctx.triggered_id["index"]))

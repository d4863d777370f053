"""Callbacks: the funding page (filters in, opportunities, feed links and the URL's query out)."""

from __future__ import annotations

from dash import Input, Output, ctx
from dash.exceptions import PreventUpdate

from callbacks.controls import register_summaries
from explorer import ids
from explorer.layout.controls import drawn_anew
from explorer.layout.funding import CHECKLISTS
from explorer.layout.funding import build_results
from explorer.pages.funding import funding_update


def register(app, provider, context) -> None:
    """Registers the funding page's callbacks on ``app``; ``context.today`` is the clock."""
    register_summaries(app, CHECKLISTS)

    @app.callback(
        Output(ids.FUNDING_LIST, "children"),
        Output(ids.FUNDING_PAST, "children"),
        Output(ids.FUNDING_PAST_SUMMARY, "children"),
        Output(ids.FUNDING_SUMMARY, "children"),
        Output(ids.FUNDING_ICS_LINK, "href"),
        Output(ids.FUNDING_ATOM_LINK, "href"),
        Output(ids.PAGE_STATE, "data", allow_duplicate=True),
        Input(ids.FUNDING_SEARCH, "value"),
        Input(ids.FUNDING_BOROUGH, "value"),
        Input(ids.FUNDING_AREA, "value"),
        Input(ids.FUNDING_APPLICANT, "value"),
        Input(ids.FUNDING_MIN, "value"),
        Input(ids.FUNDING_MAX, "value"),
        Input(ids.FUNDING_STATUS, "value"),
        prevent_initial_call=True,
    )
    def update_results(text, boroughs, areas, applicants, min_award, max_award, statuses):
        if drawn_anew(ctx.triggered):  # the page was just drawn from the same address: nothing to redo
            raise PreventUpdate
        page = funding_update(provider, context.today(), text=text, boroughs=boroughs, areas=areas,
                              applicants=applicants, min_award=min_award, max_award=max_award, statuses=statuses)
        return build_results(page.snapshot, page.result)

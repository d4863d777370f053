"""Callbacks: the funding page (filters in, opportunities, feed links and the URL's query out)."""

from __future__ import annotations

from dash import Input, Output, ctx
from dash.exceptions import PreventUpdate

from callbacks.controls import each, register_summaries
from explorer import ids
from explorer.layout.controls import drawn_anew
from explorer.layout.funding import CHECKLISTS
from explorer.layout.funding import build_results
from explorer.pages.funding import funding_update


def register(app, provider, context) -> None:
    """Registers the funding page's callbacks on ``app``; ``context.today`` is the clock."""
    register_summaries(app, CHECKLISTS)

    @app.callback(
        *each(Output, "children", ids.FUNDING_LIST, ids.FUNDING_PAST, ids.FUNDING_PAST_SUMMARY, ids.FUNDING_SUMMARY),
        *each(Output, "href", ids.FUNDING_ICS_LINK, ids.FUNDING_ATOM_LINK),
        Output(ids.PAGE_STATE, "data", allow_duplicate=True),
        *each(Input, "value", ids.FUNDING_SEARCH, ids.FUNDING_BOROUGH, ids.FUNDING_AREA, ids.FUNDING_APPLICANT,
              ids.FUNDING_MIN, ids.FUNDING_MAX, ids.FUNDING_STATUS),
        prevent_initial_call=True,
    )
    def update_results(text, boroughs, areas, applicants, min_award, max_award, statuses):
        if drawn_anew(ctx.triggered):  # the page was just drawn from the same address: nothing to redo
            raise PreventUpdate
        page = funding_update(provider, context.today(), text=text, boroughs=boroughs, areas=areas,
                              applicants=applicants, min_award=min_award, max_award=max_award, statuses=statuses)
        return build_results(page.snapshot, page.result)

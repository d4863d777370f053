"""Callbacks: "report a change" on a service page (the form in, a stored suggestion and an answer out)."""

from __future__ import annotations

from dash import Input, Output, State, no_update
from flask import request

from callbacks.controls import each
from explorer import ids
from explorer.layout.suggestions import build_report_change_status


def register(app, provider, submit) -> None:
    """Registers the form's callback.

    Args:
        app: The Dash app.
        provider: The snapshot provider (to check the service exists).
        submit: Keeps a suggestion: ``SuggestionBox.submit`` (the store's rate limit holds
            across every worker).
    """

    @app.callback(
        Output(ids.REPORT_CHANGE_STATUS, "children"),
        Output(ids.REPORT_CHANGE_MESSAGE, "value"),
        Input(ids.REPORT_CHANGE_SUBMIT, "n_clicks"),
        State(ids.REPORT_CHANGE_SERVICE, "data"),
        *each(State, "value", ids.REPORT_CHANGE_MESSAGE, ids.REPORT_CHANGE_CONTACT, ids.REPORT_CHANGE_WEBSITE),
        prevent_initial_call=True,
    )
    def on_report_change(_clicks, service_id, message, contact, website):
        service_id = service_id or ""
        outcome = submit(
            service_id, message, contact, website, request.remote_addr,
            service_exists=provider.current().service(service_id) is not None,
        )
        sent = outcome.shown_as_sent
        return build_report_change_status(sent, outcome.message), ("" if sent else no_update)

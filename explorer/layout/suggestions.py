"""Layout layer: the "report a change" form on a service page, and its answer."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from explorer import ids
from explorer.domain.suggestions import CONTACT_MAX, MESSAGE_MAX


def build_report_change_form(service_id: str) -> html.Section:
    """A short form to tell the commissioning team that a service's details are wrong.

    What is sent is kept for the team to check; it never changes the register by itself. The
    ``website`` field is a honeypot: it is hidden from people (and from screen readers) and
    only a bot fills it in.

    Args:
        service_id: The service the page shows.
    """
    return html.Section(
        [
            html.H2("Report a change", className="h4"),
            html.P(
                "Is something here wrong or out of date? Tell the commissioning team. They check every "
                "report; it does not change this page by itself.",
                className="small",
            ),
            dcc.Store(id=ids.REPORT_CHANGE_SERVICE, data=service_id),
            html.Div(
                [
                    html.Label("What is wrong?", htmlFor=ids.REPORT_CHANGE_MESSAGE, className="form-label"),
                    dbc.Textarea(
                        id=ids.REPORT_CHANGE_MESSAGE,
                        maxLength=MESSAGE_MAX,
                        style={"minHeight": "6rem"},
                        placeholder="For example: the phone number has changed to …",
                    ),
                    html.Div(f"Up to {MESSAGE_MAX} characters. Please do not include anyone's personal details.",
                             className="form-text"),
                ],
                className="mb-2",
            ),
            html.Div(
                [
                    html.Label("Your email or phone (optional, if you are happy to be asked about it)",
                               htmlFor=ids.REPORT_CHANGE_CONTACT, className="form-label"),
                    dbc.Input(id=ids.REPORT_CHANGE_CONTACT, type="text", maxLength=CONTACT_MAX,
                              autocomplete="email"),
                ],
                className="mb-2",
            ),
            html.Div(
                [
                    html.Label("Leave this empty", htmlFor=ids.REPORT_CHANGE_WEBSITE),
                    dbc.Input(id=ids.REPORT_CHANGE_WEBSITE, type="text", autocomplete="off"),
                ],
                # Not displayed, so people (and keyboards and screen readers) never reach it.
                hidden=True,
                className="report-change-website",
            ),
            html.Button("Send to the commissioning team", id=ids.REPORT_CHANGE_SUBMIT, n_clicks=0,
                        className="btn btn-outline-primary", type="button"),
            html.Div(id=ids.REPORT_CHANGE_STATUS, role="status", **{"aria-live": "polite"}, className="mt-2"),
        ],
        id=ids.REPORT_CHANGE_FORM,
        className="report-change mt-4",
    )


def build_report_change_status(kept: bool, message: str) -> html.P:
    """The answer shown under the form after sending."""
    return html.P(message, className="alert alert-success py-2" if kept else "alert alert-warning py-2")

"""Layout layer: form controls that pass WCAG 2.2 AA (native checkboxes, radios and selects).

Dash 4's own Dropdown and Checklist render ARIA listboxes with nested checkboxes and hidden
focus targets, which axe-core reports as violations; these builders use dash-bootstrap-components'
native inputs instead. A checklist that would be long sits in a ``<details>`` whose summary says
what is ticked (kept up to date by :func:`callbacks.controls.register_summaries`).
"""

from __future__ import annotations

from typing import Sequence

import dash_bootstrap_components as dbc
from dash import html

from explorer.domain.glossary import split_abbreviations

#: The value of a select's "any" choice (a select cannot hold an empty value).
ANY = "any"


def summary_id(checklist_id: str) -> str:
    """The id of the summary line of a collapsible checklist."""
    return f"{checklist_id}-summary"


def checklist_summary(options: Sequence[dict], value: Sequence[str] | None, none_label: str) -> str:
    """What a closed checklist says: the ticked names ("Hackney, Lambeth and 2 more") or ``none_label``."""
    names = [o["label"] for o in options if o["value"] in (value or [])]
    if not names:
        return none_label
    return ", ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")


def collapsible_checklist(
    id_: str,
    legend: str,
    options: Sequence[dict],
    value: Sequence[str],
    none_label: str,
    *,
    scroll: bool = False,
) -> html.Div:
    """A labelled, collapsible group of checkboxes whose summary shows the choice."""
    return html.Div(
        [
            html.Div(legend, className="form-label filter-label", **{"aria-hidden": "true"}),
            html.Details(
                [
                    html.Summary(
                        checklist_summary(options, value, none_label),
                        id=summary_id(id_),
                        className="filter-summary form-select",
                    ),
                    html.Fieldset(
                        [
                            html.Legend(legend, className="visually-hidden"),
                            dbc.Checklist(
                                id=id_,
                                options=list(options),
                                value=list(value),
                                className="filter-options" + (" scroll" if scroll else ""),
                            ),
                        ]
                    ),
                ],
                className="filter-details",
            ),
        ],
        className="filter",
    )


def checklist(id_: str, legend: str, options: Sequence[dict], value: Sequence[str]) -> html.Fieldset:
    """A short, always-open group of checkboxes with a visible legend."""
    return html.Fieldset(
        [
            html.Legend(legend, className="form-label filter-label"),
            dbc.Checklist(id=id_, options=list(options), value=list(value), className="filter-options"),
        ],
        className="filter mb-3",
    )


def radio_group(id_: str, legend: str, options: Sequence[dict], value: str | None, *, inline: bool = False) -> html.Fieldset:
    """A group of radio buttons with a visible legend."""
    return html.Fieldset(
        [
            html.Legend(legend, className="form-label filter-label"),
            dbc.RadioItems(id=id_, options=list(options), value=value, inline=inline, className="filter-options"),
        ],
        className="filter mb-3",
    )


def select(id_: str, label: str, options: Sequence[dict], value: str | None, any_label: str | None = None) -> html.Div:
    """A labelled native select; ``any_label`` adds a first "any" choice (value :data:`ANY`)."""
    choices = ([{"label": any_label, "value": ANY}] if any_label else []) + list(options)
    return html.Div(
        [
            html.Label(label, htmlFor=id_, className="form-label filter-label"),
            dbc.Select(id=id_, options=choices, value=value or (ANY if any_label else None), className="form-select"),
        ],
        className="filter",
    )


def chosen(value: str | None) -> str | None:
    """A select's value, with the "any" choice read as no choice."""
    return None if value in (None, "", ANY) else value


def drawn_anew(triggered: list | None) -> bool:
    """Whether Dash fired a page's callback because its components were drawn anew (a page load,
    Back or Forward), not because a person changed something.

    Dash then lists every input (and pattern-matched buttons unclicked); a person's change lists
    one or two. The address already holds the right view then, so the page must not write it again
    (that would push a second history entry and trap Back).
    """
    items = triggered or []
    unclicked = [t for t in items if "n_clicks" in (t or {}).get("prop_id", "") and not t.get("value")]
    return len(items) > 2 or bool(unclicked and len(items) > 1)


def table_region(label: str, table) -> html.Div:
    """A wide table in a labelled region that keyboard users can focus and scroll sideways
    (WCAG 1.4.10 allows data tables to scroll inside their own region)."""
    return html.Div(table, role="region", tabIndex="0", className="table-region", **{"aria-label": label})


def with_abbreviations(text: str | None) -> list:
    """Text with each known abbreviation marked up as ``<abbr title="its meaning">`` (text stays text)."""
    return [html.Abbr(piece, title=meaning) if meaning else piece for piece, meaning in split_abbreviations(text)]

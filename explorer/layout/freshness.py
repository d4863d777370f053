"""Layout layer: the freshness badge ("checked 40 days ago", with a word and an icon) for cards and pages."""

from __future__ import annotations

import datetime as dt

from dash import html

from explorer.domain import formatting
from explorer.domain.contact import RESIDENT_CHECK
from explorer.domain.freshness import BANDS, freshness


def freshness_badge(last_verified: dt.date | None, today: dt.date) -> html.Span:
    """A badge saying how fresh a record is: icon, word and age, never colour alone.

    Args:
        last_verified: The day a person last checked the record (not the import date).
        today: The day to measure from (the page's clock).

    Returns:
        ``✓ Fresh · checked 40 days ago`` (or due / stale / not checked), with the date and the
        band's meaning as its tooltip.
    """
    found = freshness(last_verified, today)
    band = found.band
    title = f"{band.word}: {band.meaning}"
    if last_verified is not None:
        title += f" (last checked {formatting.date(last_verified)})"
    return html.Span(
        [
            html.Span(band.icon, className="freshness-icon", **{"aria-hidden": "true"}),
            f" {band.word}",
            html.Span(f" · {found.phrase}", className="freshness-age"),
        ],
        className=f"badge freshness freshness-{band.key} text-bg-{band.tone}",
        title=title,
    )


def build_freshness_legend() -> html.Ul:
    """The bands explained, for the data page (each with its icon and word)."""
    return html.Ul(
        [
            html.Li(
                [html.Span([html.Span(b.icon, **{"aria-hidden": "true"}), f" {b.word}"],
                           className=f"badge text-bg-{b.tone} me-2"), b.meaning]
            )
            for b in BANDS
        ],
        className="list-unstyled freshness-legend",
    )


def resident_freshness(last_verified: dt.date | None) -> html.Span:
    """For residents: when a person last checked the details, and what to do (no red warning).

    The stale badge stays on the data page and officers' views; a frightened person needs to
    know what to do, not that the number may be wrong.
    """
    checked = (f"Details last checked {formatting.date(last_verified)}. " if last_verified is not None
               else "")
    return html.Span(checked + RESIDENT_CHECK, className="resident-freshness")

"""API layer: the funding feeds, an iCalendar of opening and closing dates and an Atom feed of new and changed opportunities.

Both take the funding page's query parameters (``/funding.ics?borough=E09000010&area=youth-violence``),
so an organisation can subscribe to exactly what it filtered. The formats are written by
``icalendar`` and ``feedgen``, not by hand. The routes read the current snapshot through the
provider in ``app.config["EXPLORER_PROVIDER"]`` (the Atom feed's "added" and "changed" dates come
from the snapshot's publish history, never from the store); the clock comes from :func:`register`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from typing import Callable, Mapping
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator
from flask import Blueprint, Flask, Response, current_app, request
from icalendar import Alarm, Calendar, Event

from explorer.domain import formatting
from explorer.domain.funding import award_text, dates_text
from explorer.domain.records import FundingOpportunity
from explorer.services.funding import (
    FundingResult,
    OpportunityChange,
    describe_query,
    funding_search,
    opportunity_facts,
    parse_funding_query,
)
from explorer.services.snapshot import Snapshot
from explorer.templates import render

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc
SITE = "London commissioned services explorer"
PRODID = "-//London commissioned services explorer//Funding opportunities//EN"
UID_DOMAIN = "funding.london-services-explorer"
#: Closing-date reminders go off this many days before, at this London time.
REMINDER_DAYS_BEFORE = 7
REMINDER_TIME = dt.time(9, 0)
#: How often calendar apps are asked to fetch the feed again, and how long caches may keep it.
REFRESH = dt.timedelta(hours=12)  # also written as PT12H for X-PUBLISHED-TTL
MAX_AGE_SECONDS = 900

CONFIG_TODAY = "EXPLORER_TODAY"
CONFIG_PROVIDER = "EXPLORER_PROVIDER"


def register(server: Flask, *, today: Callable[[], dt.date] = dt.date.today) -> None:
    """Adds ``/funding.ics`` and ``/funding.atom`` to the Flask server.

    Args:
        server: The Dash app's Flask server; its config must hold the provider by the first request.
        today: The clock deciding which opportunities are open.
    """
    server.config[CONFIG_TODAY] = today
    server.register_blueprint(_blueprint())


def _blueprint() -> Blueprint:
    blueprint = Blueprint("funding_feeds", __name__)

    @blueprint.get("/funding.ics")
    def funding_ics() -> Response:
        provider, today = _provider(), current_app.config[CONFIG_TODAY]()
        snapshot = provider.current()
        result = funding_search(provider, parse_funding_query(snapshot, request.args.to_dict(flat=False)), today)
        body = build_calendar(snapshot, result, base_url=request.url_root, stamp=_published_at(snapshot))
        return _respond(body, "text/calendar; charset=utf-8", "funding.ics", snapshot, today)

    @blueprint.get("/funding.atom")
    def funding_atom() -> Response:
        provider, today = _provider(), current_app.config[CONFIG_TODAY]()
        snapshot = provider.current()
        result = funding_search(provider, parse_funding_query(snapshot, request.args.to_dict(flat=False)), today)
        body = build_atom(snapshot, result, snapshot.opportunity_changes, base_url=request.url_root, stamp=_published_at(snapshot))
        return _respond(body, "application/atom+xml; charset=utf-8", "funding.atom", snapshot, today)

    return blueprint


# -- iCalendar ----------------------------------------------------------------------------------


def build_calendar(snapshot: Snapshot, result: FundingResult, *, base_url: str, stamp: dt.datetime) -> bytes:
    """An iCalendar of the opening and closing dates of the result's opportunities.

    Dates are all-day events (the register holds days, not times), so they never move with
    the clocks. Each closing date carries a reminder at 09:00 London time a week before,
    written in UTC as the standard asks: 08:00Z in summer, 09:00Z in winter.

    Args:
        snapshot: The published register (borough and service area names).
        result: The opportunities to include (current and past).
        base_url: The site's address, for links (``https://example.org/``).
        stamp: When the data was published (DTSTAMP and LAST-MODIFIED), so the same data
            gives the same file.
    """
    base = base_url.rstrip("/")
    context = describe_query(snapshot, result)
    name = "Funding opportunities" + (f": {context}" if context else " in London")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", f"Opening and closing dates from the {SITE}. {base}/funding{result.query.to_search()}")
    cal.add("x-wr-timezone", "Europe/London")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    stamp = stamp.astimezone(UTC)
    for view in result.all:
        opp = view.opportunity
        page = f"{base}/funding/{quote(opp.id, safe='')}"
        if opp.opens is not None:
            cal.add_component(_event(opp, "opens", opp.opens, f"Opens: {_title(opp)}", page, stamp, snapshot))
        if opp.closes is not None:
            event = _event(opp, "closes", opp.closes, f"Closing date: {_title(opp)}", page, stamp, snapshot)
            event.add_component(_reminder(opp))
            cal.add_component(event)
    return cal.to_ical()


def reminder_at(closes: dt.date) -> dt.datetime:
    """When a closing-date reminder goes off: 09:00 London time a week before, in UTC."""
    local = dt.datetime.combine(closes - dt.timedelta(days=REMINDER_DAYS_BEFORE), REMINDER_TIME, tzinfo=LONDON)
    return local.astimezone(UTC)


def _event(opp: FundingOpportunity, kind: str, day: dt.date, summary: str, page: str,
           stamp: dt.datetime, snapshot: Snapshot) -> Event:
    event = Event()
    event.add("uid", f"{opp.id}-{kind}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", _plain_description(opp, page, snapshot))
    event.add("url", page)
    event.add("transp", "TRANSPARENT")
    event.add("status", "CONFIRMED")
    event.add("categories", ["Funding", "Opening date" if kind == "opens" else "Closing date"])
    return event


def _reminder(opp: FundingOpportunity) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Closes in {REMINDER_DAYS_BEFORE} days: {_title(opp)}")
    alarm.add("trigger", reminder_at(opp.closes))
    return alarm


def _plain_description(opp: FundingOpportunity, page: str, snapshot: Snapshot) -> str:
    lines = [f"{opp.funder} · {opp.programme}"]
    if opp.illustrative:
        lines.append("Sample value: an illustrative example, not a real opportunity. Do not apply.")
    if opp.description:
        lines.append(opp.description)
    lines += [f"{label}: {value}" for label, value in opportunity_facts(snapshot, opp)]
    if opp.url:
        lines.append(f"How to apply: {opp.url}")
    lines.append(f"Details: {page}")
    lines.append(f"Last checked: {formatting.date(opp.last_verified)}. Source: {opp.source_url}")
    return "\n".join(lines)


# -- Atom ---------------------------------------------------------------------------------------


def build_atom(
    snapshot: Snapshot,
    result: FundingResult,
    changes: Mapping[str, OpportunityChange],
    *,
    base_url: str,
    stamp: dt.datetime,
) -> bytes:
    """An Atom feed with one entry per opportunity, newest change first.

    An entry's ``updated`` is when its current wording was first published and ``published``
    when the opportunity first appeared, so a feed reader shows new and changed ones.
    Without a publish history both fall back to the day a person last checked it, or to
    ``stamp``.

    Args:
        snapshot: The published register.
        result: The opportunities to include.
        changes: From :func:`explorer.domain.versions.opportunity_changes` (the snapshot's).
        base_url: The site's address, for links.
        stamp: When the data was published (the fallback date).
    """
    base = base_url.rstrip("/")
    search = result.query.to_search()
    feed_params = [(k, v) for k, v in result.query.to_params() if k != "status"]
    feed_url = f"{base}/funding.atom" + ("?" + urlencode(feed_params) if feed_params else "")
    context = describe_query(snapshot, result)
    stamp = _aware(stamp)

    dated = []
    for view in result.all:
        opp = view.opportunity
        change = changes.get(opp.id)
        if change is not None:
            published, updated = _aware(change.first_published), _aware(change.last_changed)
        else:
            checked = (dt.datetime.combine(opp.last_verified, dt.time(), tzinfo=UTC)
                       if opp.last_verified else stamp)
            published = updated = checked
        dated.append((updated, published, opp))
    dated.sort(key=lambda d: (d[0], d[2].id), reverse=True)

    fg = FeedGenerator()
    fg.id(_feed_id(feed_params))
    fg.title("Funding opportunities" + (f": {context}" if context else " in London"))
    fg.subtitle(f"New and changed funding opportunities from MOPAC, the VRU and partners, from the {SITE}.")
    fg.link(href=feed_url, rel="self", type="application/atom+xml")
    fg.link(href=f"{base}/funding{search}", rel="alternate", type="text/html")
    fg.author({"name": SITE})
    fg.language("en-GB")
    fg.generator(SITE)
    fg.updated(max([d[0] for d in dated], default=stamp))
    for updated, published, opp in dated:
        page = f"{base}/funding/{quote(opp.id, safe='')}"
        entry = fg.add_entry(order="append")
        entry.id(_entry_id(opp.id))
        entry.title(_title(opp))
        entry.link(href=page, rel="alternate", type="text/html")
        if opp.url:
            entry.link(href=opp.url, rel="related", title="How to apply")
        entry.updated(updated)
        entry.published(published)
        entry.author({"name": opp.funder})
        entry.category(term=opp.programme)
        for area in opp.service_areas:
            entry.category(term=area, label=snapshot.term_name(area))
        entry.summary(_summary(opp))
        entry.content(_html_content(opp, page, snapshot), type="html")
    return fg.atom_str(pretty=True)


def _summary(opp: FundingOpportunity) -> str:
    sample = " Sample value: illustrative, not a real opportunity." if opp.illustrative else ""
    return f"{opp.funder}, {opp.programme}: awards {award_text(opp)}. {dates_text(opp)}.{sample}"


def _html_content(opp: FundingOpportunity, page: str, snapshot: Snapshot) -> str:
    return render("feed_entry.html", opp=opp, facts=opportunity_facts(snapshot, opp), page=page,
                  last_checked=formatting.date(opp.last_verified))


def _title(opp: FundingOpportunity) -> str:
    if opp.illustrative and "sample" not in opp.title.lower():
        return f"{opp.title} (sample)"
    return opp.title


def _entry_id(opportunity_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{UID_DOMAIN}/funding/{opportunity_id}')}"


def _feed_id(params: list[tuple[str, str]]) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{UID_DOMAIN}/funding.atom?{urlencode(params)}')}"


# -- HTTP ---------------------------------------------------------------------------------------


def _provider():
    return current_app.config[CONFIG_PROVIDER]


def _published_at(snapshot: Snapshot) -> dt.datetime:
    """When the current opportunities were published (the snapshot's build time if unknown)."""
    for version in snapshot.history:
        if version.entity == "opportunities" and version.current:
            return _aware(version.published_at)
    return _aware(snapshot.built_at)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _respond(body: bytes, mimetype: str, filename: str, snapshot: Snapshot, today: dt.date) -> Response:
    response = Response(body, content_type=mimetype)
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    tag = hashlib.sha256(
        f"{snapshot.version_key}|{today.isoformat()}|{request.full_path}".encode() + body
    ).hexdigest()[:32]
    response.set_etag(tag)
    return response.make_conditional(request)

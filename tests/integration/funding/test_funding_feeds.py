"""The funding feeds, read back with real parsers: icalendar for /funding.ics, feedparser for /funding.atom."""

from __future__ import annotations

import datetime as dt
import time

import feedparser
import pytest
from icalendar import Calendar

from explorer.store.store import Store

TODAY = dt.date(2026, 3, 2)
SOURCE = "https://www.london.gov.uk/example"
ENFIELD, CROYDON = "E09000010", "E09000008"
UTC = dt.timezone.utc


def opportunity(id, **fields):
    row = dict(id=id, funder="VRU", programme="Young Londoners Fund", title=f"Fund {id}",
               description="Grants.", applicant_types="charity", min_award_gbp=None, max_award_gbp=None,
               total_pot_gbp=None, opens=None, closes=None, boroughs="", service_areas="",
               url=None, last_verified=dt.date(2026, 2, 20), illustrative=False, awarded_note=None,
               source_url=SOURCE)
    row.update(fields)
    return row


OPPORTUNITIES = [
    # Closes on Friday 3 Apr 2026: reminder Friday 27 Mar 09:00 GMT = 09:00Z.
    opportunity("enfield-youth", title="Enfield youth fund", boroughs=ENFIELD, service_areas="youth-violence",
                opens=dt.date(2026, 3, 1), closes=dt.date(2026, 4, 3), max_award_gbp=50000.0,
                url="https://example.org/apply"),
    # Closes on Monday 6 Apr 2026: reminder Monday 30 Mar 09:00 BST (after the clocks go forward) = 08:00Z.
    opportunity("after-change", title="Pan-London youth fund", service_areas="youth-violence",
                opens=dt.date(2026, 3, 20), closes=dt.date(2026, 4, 6)),
    # Closes on Sunday 29 Mar 2026, the day the clocks change: the date must stay 29 Mar.
    opportunity("change-day", title="Clock change fund", service_areas="youth-violence",
                opens=dt.date(2026, 2, 1), closes=dt.date(2026, 3, 29)),
    opportunity("croydon-hate", title="Croydon hate crime fund", boroughs=CROYDON, service_areas="hate-crime",
                funder="MOPAC", programme="Community safety", opens=dt.date(2026, 3, 10), closes=dt.date(2026, 5, 1)),
    opportunity("rolling", title="Rolling fund", service_areas="vawg", opens=dt.date(2026, 1, 5),
                illustrative=True, description="An <b>illustrative</b> example & more"),
]


@pytest.fixture()
def client(sample_settings):
    """A test client on the sample register with the opportunities above published over it."""
    from explorer.app import create_app

    store = Store.open(sample_settings.store_url)
    store.publish("opportunities", {"funding_opportunity": OPPORTUNITIES}, source="test", published_by="test")
    app = create_app(sample_settings, store=store, today=lambda: TODAY)
    client = app.server.test_client()
    client.store = store
    yield client
    store.dispose()


def calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.data)


def events(cal):
    return {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def test_calendar_has_an_all_day_event_for_every_opening_and_closing_date(client):
    cal = calendar(client, "/funding.ics")
    assert str(cal["x-wr-timezone"]) == "Europe/London"
    found = events(cal)
    assert set(found) == {
        "enfield-youth-opens", "enfield-youth-closes", "after-change-opens", "after-change-closes",
        "change-day-opens", "change-day-closes", "croydon-hate-opens", "croydon-hate-closes", "rolling-opens",
    }
    closes = found["enfield-youth-closes"]
    assert closes["dtstart"].dt == dt.date(2026, 4, 3) and not isinstance(closes["dtstart"].dt, dt.datetime)
    assert closes["dtend"].dt == dt.date(2026, 4, 4)
    assert str(closes["summary"]) == "Closing date: Enfield youth fund"
    assert "Award: up to £50,000" in str(closes["description"])
    assert str(closes["url"]) == "http://localhost/funding/enfield-youth"
    assert str(found["rolling-opens"]["summary"]) == "Opens: Rolling fund (sample)"
    assert "Sample value" in str(found["rolling-opens"]["description"])


@pytest.mark.parametrize(
    ("uid", "day", "reminder_utc"),
    [
        ("enfield-youth-closes", dt.date(2026, 4, 3), dt.datetime(2026, 3, 27, 9, 0, tzinfo=UTC)),  # GMT
        ("after-change-closes", dt.date(2026, 4, 6), dt.datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),  # BST
        ("change-day-closes", dt.date(2026, 3, 29), dt.datetime(2026, 3, 22, 9, 0, tzinfo=UTC)),  # GMT
    ],
)
def test_dates_and_reminders_follow_london_time_across_the_clock_change(client, uid, day, reminder_utc):
    event = events(calendar(client, "/funding.ics"))[uid]
    assert event["dtstart"].dt == day
    (alarm,) = event.walk("VALARM")
    trigger = alarm["trigger"].dt
    assert trigger == reminder_utc and trigger.utcoffset() == dt.timedelta(0)
    local = trigger.astimezone(__import__("zoneinfo").ZoneInfo("Europe/London"))
    assert (local.date(), local.hour) == (day - dt.timedelta(days=7), 9)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?borough=E09000010&area=youth-violence",
         {"enfield-youth", "after-change", "change-day"}),
        ("?borough=Enfield&area=youth-violence", {"enfield-youth", "after-change", "change-day"}),
        ("?borough=E09000008", {"after-change", "change-day", "croydon-hate", "rolling"}),
        ("?area=hate-crime", {"croydon-hate"}),
        ("?q=hate+crime+Croydon", {"croydon-hate"}),
        ("?status=upcoming", {"after-change", "croydon-hate"}),
        ("?q=nothing+matches+this", set()),
    ],
)
def test_calendar_filters_are_the_page_filters(client, query, expected):
    cal = calendar(client, "/funding.ics" + query)
    assert {uid.rsplit("-", 1)[0] for uid in events(cal)} == expected
    assert cal["x-wr-calname"]  # a name for the calendar app's list, even when empty


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_atom_feed_parses_and_lists_every_opportunity(client):
    feed = atom(client, "/funding.atom")
    assert feed.feed.title == "Funding opportunities in London"
    assert {link.rel: link.href for link in feed.feed.links}["self"] == "http://localhost/funding.atom"
    titles = {e.title for e in feed.entries}
    assert titles == {"Enfield youth fund", "Pan-London youth fund", "Clock change fund",
                      "Croydon hate crime fund", "Rolling fund (sample)"}
    rolling = next(e for e in feed.entries if e.title.startswith("Rolling"))
    # Record text is escaped into the HTML content, never passed through as markup.
    assert "&lt;b&gt;illustrative&lt;/b&gt; example &amp; more" in rolling.content[0].value
    assert "Sample value" in rolling.summary
    assert len({e.id for e in feed.entries}) == 5 and all(e.id.startswith("urn:uuid:") for e in feed.entries)


@pytest.mark.parametrize(
    ("query", "titles", "title"),
    [
        ("?borough=E09000010&area=youth-violence",
         {"Enfield youth fund", "Pan-London youth fund", "Clock change fund"},
         "Funding opportunities: Enfield and youth violence"),
        ("?area=hate-crime", {"Croydon hate crime fund"}, "Funding opportunities: hate crime"),
    ],
)
def test_atom_feed_filters(client, query, titles, title):
    feed = atom(client, "/funding.atom" + query)
    assert {e.title for e in feed.entries} == titles
    assert feed.feed.title.startswith(title)


def test_atom_feed_shows_new_and_changed_opportunities(client):
    before = {e.title: e for e in atom(client, "/funding.atom").entries}
    time.sleep(1.1)  # publish times are stored to the second on some databases
    changed = [dict(o) for o in OPPORTUNITIES]
    changed[0]["closes"] = dt.date(2026, 4, 10)  # Enfield's deadline moved
    changed.append(opportunity("brand-new", title="Brand new fund", opens=dt.date(2026, 3, 15)))
    client.store.publish("opportunities", {"funding_opportunity": changed}, source="test 2", published_by="test")

    after = atom(client, "/funding.atom")
    entries = {e.title: e for e in after.entries}
    newest = max(e.updated_parsed for e in after.entries)
    assert after.entries[0].title in {"Enfield youth fund", "Brand new fund"}
    assert entries["Enfield youth fund"].updated_parsed == newest
    assert entries["Enfield youth fund"].published_parsed == before["Enfield youth fund"].published_parsed
    assert entries["Brand new fund"].published_parsed == newest
    assert entries["Clock change fund"].updated_parsed == before["Clock change fund"].updated_parsed
    assert entries["Clock change fund"].updated_parsed < newest
    assert entries["Enfield youth fund"].id == before["Enfield youth fund"].id


def test_feeds_can_be_cached(client):
    first = client.get("/funding.ics?area=vawg")
    assert first.headers["ETag"] and "max-age" in first.headers["Cache-Control"]
    again = client.get("/funding.ics?area=vawg", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    other = client.get("/funding.ics?area=hate-crime", headers={"If-None-Match": first.headers["ETag"]})
    assert other.status_code == 200


def test_the_same_data_gives_the_same_calendar(client):
    assert client.get("/funding.ics").data == client.get("/funding.ics").data

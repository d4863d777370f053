"""Search on the sample register: a table of what people type and what they should get.

Each row: the query, text the "Showing:" summary must contain (what was understood), and a
service id that must be in the top results (or None for an empty result, whose message is checked).
"""

from __future__ import annotations

import pytest

from explorer.services.search import Filters, SearchIndex
from explorer.services.snapshot import SnapshotProvider

TOP = 5

CASES = [
    # topic + place, with connectors and typos
    ("domestic abuse support near Peckam", "Peckham (Southwark)", "svc-rape-crisis-south-london"),
    ("domestic abuse Peckham", "Violence against women and girls", "svc-rape-crisis-south-london"),
    ("knife crime youth Croydon", "Croydon", "svc-lcpf-croydon"),
    ("knife crim youth croydon", "Youth violence", "svc-lcpf-croydon"),
    ("youth violence in Tower Hamlet", "Tower Hamlets", "svc-lcpf-tower-hamlets"),
    ("county lines in Brent", "Exploitation", "svc-lcpf-brent"),
    ("grooming near walthamstow", "Walthamstow (Waltham Forest)", "svc-lcpf-waltham-forest"),
    ("sexual violence in camden", "Sexual violence", "svc-london-havens"),
    ("rape crisis south london", "Sexual violence", "svc-rape-crisis-south-london"),
    ("hate crime in bexley", "Hate crime", "svc-catch-hate-crime"),
    ("hate crime Harrow", "Harrow", "svc-lcpf-harrow"),
    ("drugs Westminster", "Drugs and alcohol", "svc-lcpf-westminster"),
    ("reoffending hackney", "Reducing reoffending", "svc-lcpf-hackney"),
    ("youth in tower hamlets", "Youth violence", "svc-lcpf-tower-hamlets"),
    ("victim support", "Victims and witnesses", "svc-london-victim-witness-service"),
    ("victim suport", "Victims and witnesses", "svc-london-victim-witness-service"),
    ("DV", "Violence against women and girls", "svc-lcpf-barnet"),
    ("domestic violence", "Violence against women and girls", "svc-lcpf-bromley"),
    ("stalking", "Violence against women and girls", "svc-da-perpetrator-2025-2027"),
    ("county lines", "Exploitation", "svc-lcpf-brent"),
    ("grooming", "Exploitation", "svc-lcpf-croydon"),
    ("knife crime", "Youth violence", "svc-lcpf-bexley"),
    ("antisocial behaviour", "Community safety", "svc-lcpf-barnet"),
    ("parenting", "Families, schools and early help", "svc-lcpf-bromley"),
    # service names, programmes and providers
    ("redthread", "redthread", "svc-redthread-kings-college-hospital"),
    ("Havens", "havens", "svc-london-havens"),
    ("havns", "havns", "svc-london-havens"),
    ("MyEnds", "myends", "svc-myends"),
    ("victim support charity", "Victims and witnesses", "svc-london-victim-witness-service"),
    # (Survivors Gateway ended in September 2021 (issue 16), so it no longer answers a search.)
    ("rape crisis", "Sexual violence", "svc-west-london-rape-crisis"),
    # places alone, with typos and odd spacing
    ("Peckam", "Peckham (Southwark)", "svc-lcpf-southwark"),
    ("Tower Hamlet", "Tower Hamlets", "svc-lcpf-tower-hamlets"),
    ("walthamstow", "Walthamstow (Waltham Forest)", "svc-lcpf-waltham-forest"),
    ("Brixton", "Brixton (Lambeth)", "svc-lcpf-lambeth"),
    ("Tottenham", "Tottenham (Haringey)", "svc-lcpf-haringey"),
    ("Kingston", "Kingston", "svc-lcpf-kingston-upon-thames"),
    # postcodes in odd spacing and case
    ("SE15 4", "SE15 4 (Southwark)", "svc-lcpf-southwark"),
    ("se154ab", "SE15 4AB (Southwark)", "svc-lcpf-southwark"),
    ("  SE15   4AB ", "SE15 4AB (Southwark)", "svc-lcpf-southwark"),
    ("e14ns", "E1 4NS (Tower Hamlets)", "svc-lcpf-tower-hamlets"),
    ("help near CR0", "CR0 (Croydon)", "svc-lcpf-croydon"),
    ("domestic abuse near sw9", "SW9 (Lambeth)", "svc-lcpf-lambeth"),
    # nonsense: empty result, a helpful message, never an error
    ("asdfgh", "no match for \u201casdfgh\u201d", None),
    ("🔪🔪🔪", "all services", None),
    ("<script>alert(1)</script>", "no match for \u201cscript\u201d or \u201calert\u201d", None),
    ("x" * 5000, "all services", None),
    ("domestic abuse in Narnia", "across London (\u2018narnia\u2019 is not a London place we know)", "svc-lcpf-harrow"),
    ("M1 1AE", "no match for \u201cm1\u201d or \u201c1ae\u201d", None),
]


@pytest.fixture(scope="module")
def index(sample_db, geography):
    from explorer.store.store import Store, sqlite_url

    store = Store.open(sqlite_url(sample_db))
    provider = SnapshotProvider(store, geography)
    yield SearchIndex(provider.current(), geography)
    store.dispose()


def test_the_table_has_at_least_40_queries():
    assert len(CASES) >= 40


@pytest.mark.parametrize("query, understood, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_search(index, query, understood, expected):
    result = index.search(query)
    assert understood in result.summary
    top = [item.service.id for item in result.items[:TOP]]
    if expected is None:
        assert result.items == () and result.total == 0
        assert result.message, "an empty result must say what to try"
    else:
        assert expected in [item.service.id for item in result.items], (result.summary, top)
        assert not result.message


def test_nearest_first_with_pan_london_last(index):
    # Issue 14 changed the order: services covering the place, then pan-London ones, then
    # services that only sit nearby in another borough (labelled).
    # Services a member of the public cannot use (people who harm, professionals) come last.
    result = index.search("SE15 4AB")
    restricted = tuple(i for i in result.items if i.service.audience in {"people-who-harm", "professionals"})
    items = result.items[: len(result.items) - len(restricted)]
    assert result.items[len(items):] == restricted
    local = [i for i in items if not i.service.pan_london and i.covers_place]
    pan = [i for i in items if i.service.pan_london]
    nearby = [i for i in items if not i.covers_place]
    assert items == tuple(local + pan + nearby) and pan, "covering, then pan-London, then nearby"
    assert all(i.place_note.startswith("in ") and "residents only" in i.place_note for i in nearby)
    distances = [i.distance_km for i in local if i.distance_km is not None]
    assert distances == sorted(distances)
    assert distances[0] < 3


def test_a_confidential_service_is_listed_but_never_located(index):
    result = index.search("rape crisis")
    confidential = [i for i in result.items if i.service.confidential_location]
    assert confidential
    assert all(i.service.points == () and i.distance_km is None for i in confidential)
    points = index.points(result)
    located = {f["properties"]["id"] for f in points["features"]}
    assert not located & {i.service.id for i in confidential}


@pytest.mark.parametrize(
    "filters, check",
    [
        (Filters(boroughs=("E09000022",)), lambda s: "E09000022" in s.borough_codes),
        (Filters(commissioners=("VRU",)), lambda s: "VRU" in s.commissioners),
        (Filters(areas=("hate-crime",)), lambda s: "hate-crime" in s.term_ids),
        (Filters(access="self-referral"), lambda s: s.access in {"self-referral", "both"}),
        (Filters(age="children"), lambda s: (s.minimum_age or 0) <= 10),
    ],
)
def test_filters_keep_only_matching_services(index, filters, check):
    result = index.search("", filters)
    assert result.total > 0
    assert all(check(i.service) for i in result.items)
    assert result.total < len([s for s in index.services if s.status == "active"])


def test_search_and_filters_combine(index):
    both = index.search("domestic abuse", Filters(boroughs=("E09000003",)))
    assert both.total and all(
        "vawg" in i.service.term_ids and "E09000003" in i.service.borough_codes for i in both.items
    )
    assert "Barnet" in both.summary


# -- issue 16: commissioners are data --------------------------------------------------------


def test_the_commissioner_filter_offers_every_commissioner_and_funder_the_register_names(index):
    from explorer.layout.home import filter_options
    from explorer import ids
    from explorer.services.search import commissioner_options

    snapshot = index.snapshot
    named = {c for s in snapshot.services for c in (*s.commissioners, s.funder_of_record) if c}
    options = commissioner_options(snapshot)
    assert {code for code, _name in options} == named
    assert {"MOPAC", "VRU", "GLA", "Home Office"} <= named
    assert dict(options)["Home Office"] == "Home Office" and dict(options)["GLA"].startswith("Greater London")
    offered = [o["value"] for o in filter_options(snapshot)[ids.COMMISSIONER_SELECT]]
    assert offered == [code for code, _name in options]
    assert "MoJ" not in offered, "a body that pays for no service in the register is not offered"


@pytest.mark.parametrize("code", ["GLA", "Home Office"])
def test_a_commissioner_filter_keeps_the_services_it_commissions_or_funds(index, code):
    result = index.search("", Filters(commissioners=(code,), include_ended=True))
    expected = {s.id for s in index.services if code in s.commissioners or s.funder_of_record == code}
    assert expected and result.total == len(expected)
    assert {i.service.id for i in result.items} <= expected


def test_the_commissioner_filter_is_read_from_the_address_in_any_case(index):
    from explorer.services.search import parse_filters

    snapshot = index.snapshot
    filters = parse_filters({"commissioner": ["home office,gla", "Ministry of Magic"]}, snapshot)
    assert filters.commissioners == ("Home Office", "GLA")

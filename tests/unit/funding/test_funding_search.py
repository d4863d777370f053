"""Choosing and ordering funding opportunities: ordering, filters and search, as tables."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.services import funding as svc

TODAY = dt.date(2026, 3, 2)
ENFIELD, CROYDON, BEXLEY, KINGSTON = "E09000010", "E09000008", "E09000004", "E09000021"


def day(offset):
    return None if offset is None else TODAY + dt.timedelta(days=offset)


#: id -> fields; current order by deadline: croydon(+5), enfield(+20), any-work(+30), hate(+40), rolling.
OPPORTUNITIES = {
    "youth-enfield": dict(
        funder="VRU", programme="Young Londoners Fund", title="Enfield youth fund",
        description="Grants for mentoring and detached youth work.",
        boroughs=ENFIELD, service_areas="youth-violence", applicant_types="charity;community group",
        min_award_gbp=5000, max_award_gbp=50000, total_pot_gbp=1_000_000, opens=day(-30), closes=day(20)),
    "youth-croydon": dict(
        funder="VRU", programme="Young Londoners Fund", title="Croydon summer programme",
        description="Holiday activities for young people.",
        boroughs=CROYDON, service_areas="youth-violence", applicant_types="charity",
        min_award_gbp=10000, max_award_gbp=25000, opens=day(-30), closes=day(5)),
    "hate-pan": dict(
        funder="MOPAC", programme="Community safety", title="Tackling hate together",
        description="Small grants for community groups challenging prejudice.",
        service_areas="hate-crime", applicant_types="community group",
        max_award_gbp=10000, opens=day(10), closes=day(40)),
    "vawg-rolling": dict(
        funder="MOPAC", programme="VAWG fund", title="Healthy relationships in schools",
        description="Rolling fund for prevention work.",
        service_areas="vawg", applicant_types="borough;school", opens=day(-100)),
    "any-work": dict(
        funder="MOPAC", programme="London Crime Prevention Fund", title="Bexley local priorities",
        description="Community safety micro-grants.", boroughs=BEXLEY, applicant_types="charity",
        min_award_gbp=1000, max_award_gbp=5000, opens=day(-10), closes=day(30)),
    "old-youth": dict(
        funder="VRU", programme="Young Londoners Fund", title="Enfield youth fund 2025",
        description="Last year's round.", boroughs=ENFIELD, service_areas="youth-violence",
        applicant_types="charity", max_award_gbp=30000, opens=day(-200), closes=day(-10),
        awarded_note="12 grants worth £240,000"),
    "old-older": dict(
        funder="MOPAC", programme="Community safety", title="Older people's safety",
        opens=day(-300), closes=day(-40)),
}


@pytest.fixture()
def snapshot(make):
    return make.snapshot([make.opportunity(k, **v) for k, v in OPPORTUNITIES.items()])


def run(snapshot, **values):
    query = svc.parse_funding_query(snapshot, {k: [v] for k, v in values.items()})
    result = svc.search_opportunities(snapshot, query, TODAY)
    return [v.id for v in result.current], [v.id for v in result.past], result


def test_order_soonest_deadline_first_then_rolling_then_past_latest_first(snapshot):
    current, past, _ = run(snapshot)
    assert current == ["youth-croydon", "youth-enfield", "any-work", "hate-pan", "vawg-rolling"]
    assert past == ["old-youth", "old-older"]


def test_order_ties_go_by_opening_date_then_title(make):
    snap = make.snapshot([
        make.opportunity("b", title="Beta", opens=day(-5), closes=day(20)),
        make.opportunity("a", title="Alpha", opens=day(-5), closes=day(20)),
        make.opportunity("c", title="Gamma", opens=day(-9), closes=day(20)),
        make.opportunity("later", title="Later", opens=day(3), closes=day(19)),
    ])
    current, _, _ = run(snap)
    assert current == ["later", "c", "a", "b"]


@pytest.mark.parametrize(
    ("params", "current", "past"),
    [
        ({"borough": ENFIELD}, ["youth-enfield", "hate-pan", "vawg-rolling"], ["old-youth", "old-older"]),
        ({"borough": "Enfield"}, ["youth-enfield", "hate-pan", "vawg-rolling"], ["old-youth", "old-older"]),
        ({"borough": f"{ENFIELD},{CROYDON}"},
         ["youth-croydon", "youth-enfield", "hate-pan", "vawg-rolling"], ["old-youth", "old-older"]),
        ({"area": "youth-violence"}, ["youth-croydon", "youth-enfield", "any-work"], ["old-youth", "old-older"]),
        ({"borough": ENFIELD, "area": "youth-violence"}, ["youth-enfield"], ["old-youth", "old-older"]),
        ({"borough": BEXLEY, "area": "hate-crime"}, ["any-work", "hate-pan"], ["old-older"]),
        ({"applicant": "school"}, ["vawg-rolling"], ["old-older"]),
        ({"applicant": "community group"}, ["youth-enfield", "hate-pan"], ["old-older"]),
        ({"min": "20000"}, ["youth-croydon", "youth-enfield"], ["old-youth"]),
        ({"max": "8000"}, ["youth-enfield", "any-work", "hate-pan"], ["old-youth"]),
        ({"min": "6000", "max": "9000"}, ["youth-enfield", "hate-pan"], ["old-youth"]),
        ({"status": "open"}, ["youth-croydon", "youth-enfield", "any-work", "vawg-rolling"], []),
        ({"status": "closing-soon"}, ["youth-croydon"], []),
        ({"status": "upcoming"}, ["hate-pan"], []),
        ({"status": "closed"}, [], ["old-youth", "old-older"]),
        ({"status": "upcoming,closing-soon"}, ["youth-croydon", "hate-pan"], []),
        ({"q": "youth violence Croydon"}, ["youth-croydon"], []),
        ({"q": "croydn youth"}, ["youth-croydon"], []),
        ({"q": "knife crim"}, ["youth-croydon", "youth-enfield"], ["old-youth"]),
        ({"q": "racism"}, ["hate-pan"], []),
        ({"q": "mentoring"}, ["youth-enfield"], []),
        ({"q": "mentorng"}, ["youth-enfield"], []),
        ({"q": "microgrants"}, ["any-work"], []),
        ({"q": "micro grants"}, ["any-work"], []),
        ({"q": "Young Londoners"}, ["youth-croydon", "youth-enfield"], ["old-youth"]),
        ({"q": "xyzzy"}, [], []),
        ({"borough": "Atlantis", "area": "nonsense", "status": "maybe", "min": "lots"},
         ["youth-croydon", "youth-enfield", "any-work", "hate-pan", "vawg-rolling"], ["old-youth", "old-older"]),
    ],
)
def test_filters(snapshot, params, current, past):
    got_current, got_past, _ = run(snapshot, **params)
    assert (got_current, got_past) == (current, past)


def test_amount_filter_counts_what_it_leaves_out(snapshot):
    _, _, result = run(snapshot, min="20000")
    # vawg-rolling and old-older publish no amount: they are not treated as £0.
    assert result.hidden_without_amount == 2


def test_search_text_borough_is_reported(snapshot):
    _, _, result = run(snapshot, q="youth violence Croydon")
    assert result.topic_words == ("youth", "violence")
    assert result.text_boroughs == (CROYDON,)
    assert result.borough_codes == (CROYDON,)


def test_parser_is_swappable(snapshot):
    query = svc.FundingQuery(text="anything at all")
    result = svc.search_opportunities(snapshot, query, TODAY, parser=lambda text: (("hate",), (ENFIELD,)))
    assert [v.id for v in result.current] == ["hate-pan"]


@pytest.mark.parametrize(
    "query",
    [
        svc.FundingQuery(),
        svc.FundingQuery(text="youth violence", boroughs=(ENFIELD,), areas=("youth-violence",)),
        svc.FundingQuery(applicants=("charity", "school"), min_award=5000.0, max_award=250000.0,
                         statuses=("open", "upcoming")),
    ],
)
def test_query_round_trips_through_the_url(snapshot, query):
    from urllib.parse import parse_qs

    search = query.to_search()
    assert svc.parse_funding_query(snapshot, parse_qs(search.lstrip("?"))) == query


@pytest.mark.parametrize(
    ("text", "amount"),
    [("5000", 5000.0), ("£5,000", 5000.0), ("5k", 5000.0), ("1.5m", 1_500_000.0),
     ("-5", None), ("lots", None), ("inf", None), ("nan", None)],
)
def test_amounts_from_the_url(snapshot, text, amount):
    assert svc.parse_funding_query(snapshot, {"min": [text]}).min_award == amount


@pytest.mark.parametrize(
    ("text", "words", "boroughs"),
    [
        ("youth violence Croydon", ("youth", "violence"), (CROYDON,)),
        ("knife crime in Kingston upon Thames", ("knife", "crime"), (KINGSTON,)),
        ("kingston mentoring", ("mentoring",), (KINGSTON,)),
        ("hate crime", ("hate", "crime"), ()),
        ("", (), ()),
    ],
)
def test_simple_query_parser(snapshot, text, words, boroughs):
    assert svc.simple_query_parser(snapshot)(text) == (words, boroughs)


def test_funded_services_share_the_programme(make):
    opp = make.opportunity("o", programme="Young Londoners Fund")
    services = [
        make.service("s1", programme="Young Londoners Fund"),
        make.service("s2", programme="young londoners fund "),
        make.service("s3", programme="London Crime Prevention Fund"),
    ]
    snap = make.snapshot([opp], services)
    assert [s.id for s in svc.funded_services(snap, opp)] == ["s1", "s2"]


def test_opportunities_for_a_service_match_its_areas_and_boroughs(snapshot, make):
    service = make.service("s", borough_codes=(ENFIELD,), term_ids=("youth-violence", "hate-crime"))
    views = svc.opportunities_for_service(snapshot, service, TODAY)
    # Not Croydon's, not the closed one, not the any-work fund (too broad to suggest).
    assert [v.id for v in views] == ["youth-enfield", "hate-pan"]


def test_past_rounds_without_dates_come_last(make):
    snap = make.snapshot([
        make.opportunity("undated", title="Undated", awarded_note="Three bids funded"),
        make.opportunity("old", title="Old", opens=day(-400), closes=day(-300)),
        make.opportunity("recent", title="Recent", opens=day(-100), closes=day(-5)),
    ])
    current, past, _ = run(snap)
    assert (current, past) == ([], ["recent", "old", "undated"])


def test_service_area_words_from_the_parser_match_tagged_opportunities(snapshot):
    query = svc.FundingQuery(text="anything")
    result = svc.search_opportunities(snapshot, query, TODAY, parser=lambda t: (("term:hate-crime",), ()))
    assert [v.id for v in result.current] == ["hate-pan"]


def test_services_search_parser_adapter(snapshot, make):
    from explorer.services.search import SearchIndex

    index = SearchIndex(snapshot, make.provider(snapshot).geography)
    parse = svc.services_query_parser(index)
    words, boroughs = parse("knife crim youth croydon")
    assert "term:youth-violence" in words and boroughs == (CROYDON,)
    result = svc.funding_search(make.provider(snapshot), svc.FundingQuery(text="knife crim youth croydon"), TODAY)
    assert [v.id for v in result.current] == ["youth-croydon"]


@pytest.mark.parametrize("text", ["grants for youth groups in Croydon", "funding for a knife crime project Croydon",
                                  "where can I get money for youth violence charities in Croydon",
                                  "small grants for voluntary sector organisations youth violence Croydon"])
def test_words_every_opportunity_is_about_are_not_required(snapshot, make, text):
    """A community group's own words ("funding", "grants", "charities", "project", "small") are
    what every opportunity is; required, they matched none, so "funding for a knife crime project"
    found nothing (the services search's parser and the simple one alike)."""
    from explorer.services.search import SearchIndex

    words, _ = svc.services_query_parser(SearchIndex(snapshot, make.provider(snapshot).geography))(text)
    assert not set(words) & svc.FUNDING_WORDS
    assert not set(svc.simple_query_parser(snapshot)(text)[0]) & svc.FUNDING_WORDS
    result = svc.funding_search(make.provider(snapshot), svc.FundingQuery(text=text), TODAY)
    assert [v.id for v in result.current] == ["youth-croydon"]


def _funding(snapshot, make, text):
    return svc.funding_search(make.provider(snapshot), svc.FundingQuery(text=text), TODAY)


def test_a_word_no_opportunity_holds_is_left_out_and_said(snapshot, make):
    """"mums" is the group's own word: required, "funding for our mums group in Enfield" found
    nothing; now Enfield's opportunities, and the word said to be left out."""
    result = _funding(snapshot, make, "funding for our mums group in Enfield")
    assert result.unused_words == ("mums",) and "mums" not in result.topic_words
    assert [v.id for v in result.current] == ["youth-enfield", "hate-pan", "vawg-rolling"]  # (two pan-London)


def test_words_are_left_out_when_together_they_match_nothing_open_but_the_work_does(snapshot, make):
    """"holiday" is in Croydon's opportunity, not Enfield's: with it required, a youth violence
    search in Enfield found nothing open; the kind of work and the place still find Enfield's."""
    assert _funding(snapshot, make, "holiday youth violence Croydon").unused_words == ()
    result = _funding(snapshot, make, "holiday youth violence Enfield")
    assert [v.id for v in result.current] == ["youth-enfield"]
    assert "holiday" in result.unused_words


def test_a_search_of_only_unknown_words_still_finds_nothing(snapshot, make):
    result = _funding(snapshot, make, "xyzzy plugh")
    assert result.current == () and result.unused_words == () and result.wider is not None


def test_service_areas_are_alternatives(snapshot):
    query = svc.FundingQuery(text="anything")
    result = svc.search_opportunities(snapshot, query, TODAY,
                                      parser=lambda t: (("term:hate-crime", "term:vawg"), ()))
    assert sorted(v.id for v in result.current) == ["hate-pan", "vawg-rolling"]


@pytest.mark.parametrize("text, kept", [
    ("small grants for community groups tackling hate crime", "hate crime"),
    ("grassroots residents association anti social behaviour", "anti social behaviour"),
    ("community safety grants", "community safety"),
])
def test_words_about_the_applicant_are_not_read_as_the_work(text, kept):
    """"community" in "community groups" was read as the community safety service area."""
    out = svc.applicants_words_out(text)
    assert kept in out and not {"small", "grants", "groups", "grassroots", "residents", "association"} & set(out.split())
    assert ("community" in out.split()) == (kept == "community safety")


def test_the_funders_full_names_find_their_opportunities(snapshot, make):
    result = _funding(snapshot, make, "violence reduction unit")
    assert result.current and all(v.opportunity.funder == "VRU" for v in result.current + result.past)


def test_funding_text_is_cleaned_as_the_service_search_cleans_it():
    """The funding search folds accents with the service search's :func:`unaccented`: a letter with
    no accent to take off (Turkish ı, Polish ł) is written plain, not dropped."""
    from explorer.services.funding.query import clean_text

    assert clean_text("Irkçılık-karşıtı Łódź Café") == "irkcilik karsiti lodz cafe"

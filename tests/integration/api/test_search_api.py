"""Issue 14: the API says what a search understood (x_query) and takes the ended choice."""

from __future__ import annotations



def test_api_says_what_it_understood(client):
    body = client.get("/api/v1/services?search=domestic%20abuse%20Peckham").get_json()
    q = body["x_query"]
    assert q["borough"] == {"code": "E09000028", "name": "Southwark"}
    assert q["place"]["label"] == "Peckham" and q["place"]["kind"] == "place"
    assert {"id": "vawg", "name": "Violence against women and girls"} in q["topics"]
    assert q["showing"].startswith("Showing: ") and q["ended_also_match"] >= 1
    assert body["contents"] and all(c["x_commissioning"]["audience"] != "people-who-harm" for c in body["contents"][:2])


def test_api_names_the_other_places_of_a_shared_name_and_the_search_that_finds_each(client):
    q = client.get("/api/v1/services?search=youth%20club%20hayes").get_json()["x_query"]
    assert q["borough"]["name"] == "Hillingdon"
    assert q["other_places_of_the_name"] == [
        {"label": "Hayes", "search": "youth club Hayes, Bromley", "borough": {"code": "E09000006", "name": "Bromley"}}]
    again = client.get("/api/v1/services?search=youth%20club%20Hayes%2C%20Bromley").get_json()["x_query"]
    assert again["borough"]["name"] == "Bromley" and again["other_places_of_the_name"] == []
    assert again["words_not_used"] == []


def test_api_words_not_used_and_no_x_query_without_search(client):
    body = client.get("/api/v1/services?search=qwxzv%20youth").get_json()
    assert "qwxzv" in body["x_query"]["words_not_used"]
    assert "x_query" not in client.get("/api/v1/services").get_json()


def test_api_ended_parameter(client):
    hidden = client.get("/api/v1/services?search=domestic%20abuse&per_page=100").get_json()
    shown = client.get("/api/v1/services?search=domestic%20abuse&per_page=100&ended=include").get_json()
    assert shown["total_items"] == hidden["total_items"] + hidden["x_query"]["ended_also_match"]
    assert {c["status"] for c in shown["contents"]} == {"active", "inactive"}
    assert client.get("/api/v1/services?ended=maybe").status_code == 400


# -- the version's memory of pages and summaries (explorer/services/oruk_pages.py) -------------------


def test_a_page_joined_from_kept_fragments_is_what_orjson_writes_for_the_whole_page(provider):
    import orjson

    from explorer.services import oruk, oruk_pages
    from explorer.services.search import search_index

    pages = oruk_pages.SearchPages(provider.current())
    found = oruk.search_services(search_index(provider), oruk.ServiceQuery(search="domestic abuse Peckham"),
                                 modified=pages.modified)
    understood = found.understood
    for understood_part in (understood, None):
        part = oruk.ServiceSearch(found.services, understood_part)
        contents, paging = oruk.paginate(found.services, 1, 10)
        whole = {**paging, "contents": [oruk.service_summary(pages.snapshot, s, pages.modified, "http://x") for s in contents],
                 **({"x_query": understood_part} if understood_part is not None else {})}
        expected = orjson.dumps(whole, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY)
        assert pages.page_json(paging, part, contents, "http://x") == expected
        assert pages.page_json(paging, part, contents, "http://x") == expected  # from kept fragments
    empty, paging = oruk.paginate([], 1, 10)
    assert pages.page_json(paging, oruk.ServiceSearch((), None), empty, "") == orjson.dumps({**paging, "contents": []})


def test_the_memory_of_pages_is_bounded_and_forgets_the_oldest(provider, monkeypatch):
    from explorer.services import oruk_pages

    monkeypatch.setattr(oruk_pages, "PAGE_CACHE", 3)
    pages = oruk_pages.SearchPages(provider.current())
    for i in range(5):
        pages.keep(i, b"{}")
    assert [pages.kept(i) for i in range(5)] == [None, None, b"{}", b"{}", b"{}"]
    pages.keep("big", b"x" * (oruk_pages.MAX_KEPT_PAGE + 1))
    assert pages.kept("big") is None


def test_a_repeated_search_is_answered_the_same_and_bad_parameters_are_still_refused(client):
    url = "/api/v1/services?search=stalking%20Hackney&per_page=5"
    first, again = client.get(url), client.get(url)
    assert first.status_code == again.status_code == 200
    assert first.data == again.data and first.headers["ETag"] == again.headers["ETag"]
    assert first.get_json()["contents"]
    other_host = client.get(url, base_url="http://directory.example.org")
    assert b"directory.example.org" in other_host.data and b"directory.example.org" not in first.data
    assert client.get(url + "&page=0").status_code == 400
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304


def test_every_kept_summary_is_what_orjson_writes_for_the_whole_summary(provider):
    """Summaries are written with their provider's organization record kept once per version: the
    bytes are still those of :func:`oruk.service_summary` written whole, for every service, with
    providers shared by several services and providers missing from the register."""
    import dataclasses

    import orjson

    from explorer.services import oruk, oruk_pages

    snapshot = provider.current()
    pages = oruk_pages.SearchPages(snapshot)
    shared = {}
    for s in snapshot.services:
        shared.setdefault(s.provider_id, []).append(s)
    assert any(len(v) > 1 for v in shared.values())
    unknown = dataclasses.replace(snapshot.services[0], id="svc-unknown-provider", provider_id="org-none", provider_name="Nobody Ltd")
    for base in ("http://x", ""):
        for s in snapshot.services:
            whole = orjson.dumps(oruk.service_summary(snapshot, s, pages.modified, base),
                                 option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY)
            assert pages.summary_json(s, base) == whole
        made = pages._organization_json(unknown.provider_id, unknown.provider_name)
        assert made[0] == oruk.oruk_id("organization", "org-none") and b'"name":"Nobody Ltd"' in made[1]


def test_the_base_address_is_made_once_per_host_and_the_memory_is_bounded(provider, monkeypatch):
    from explorer.services import oruk_pages

    monkeypatch.setattr(oruk_pages, "BASE_CACHE", 2)
    pages = oruk_pages.SearchPages(provider.current())
    made = []

    def make(host):
        made.append(host)
        return f"http://{host}"

    for host in ("a", "a", "b", "a", "c", "c", "a"):
        assert pages.base_url(("http", host, ""), lambda: make(host)) == f"http://{host}"
    assert made == ["a", "b", "c", "a"]  # full at two: forgotten and made afresh


def test_api_lists_the_nearest_services_elsewhere_when_nothing_covers_the_place(client):
    """No drugs service in the sample covers Hackney: the page lists the nearest three elsewhere,
    and a directory calling the API gets the same (it got an empty page and nothing else)."""
    from pydantic import TypeAdapter

    from explorer.api import models

    body = client.get("/api/v1/services?search=drug%20treatment%20Hackney").get_json()
    assert body["total_items"] == 0 and body["x_query"]["borough"]["name"] == "Hackney"
    nearby = body["x_nearest_elsewhere"]
    assert len(nearby) == 3 and [n["distance_km"] for n in nearby] == sorted(n["distance_km"] for n in nearby)
    assert all(n["note"].startswith("in ") and "km" in n["note"] for n in nearby)
    assert all("drugs and alcohol" in n["service"]["name"] for n in nearby), [n["service"]["name"] for n in nearby]
    TypeAdapter(models.ServicePage).validate_python(body)
    assert "x_nearest_elsewhere" not in client.get("/api/v1/services?search=drug%20treatment%20Westminster").get_json()
    assert "x_nearest_elsewhere" not in client.get("/api/v1/services?search=drug%20treatment").get_json()


def test_the_api_pages_of_a_led_order_follow_on(client):
    """Page 2 of a query whose first three were chosen for its two topics starts where page 1 ended."""
    url = "/api/v1/services?per_page=2&search=car%20broken%20into%20again%20in%20chingford&page={}"
    pages = [client.get(url.format(p)).get_json() for p in (1, 2, 3)]
    ids = [s["id"] for page in pages for s in page["contents"]]
    whole = client.get("/api/v1/services?per_page=6&search=car%20broken%20into%20again%20in%20chingford").get_json()
    assert ids == [s["id"] for s in whole["contents"]] and len(set(ids)) == len(ids) == 6


def test_api_names_a_topic_nothing_covers_at_the_place(client):
    """A directory gets what the page says: family support covers Croydon, no drugs service does."""
    from pydantic import TypeAdapter

    from explorer.api import models

    body = client.get("/api/v1/services?search=family%20support%20when%20my%20brother%20is%20on%20drugs%20in%20croydon"
                      ).get_json()
    assert body["total_items"] > 0 and "x_nearest_elsewhere" not in body
    (gap,) = body["x_topics_elsewhere"]
    assert (gap["topic"], gap["name"], gap["borough"]) == ("substance-misuse", "Drugs and alcohol", "Croydon")
    assert len(gap["nearest"]) == 3 and all(n["note"].startswith("in ") for n in gap["nearest"])
    assert all("drugs and alcohol" in n["service"]["name"] for n in gap["nearest"])
    TypeAdapter(models.ServicePage).validate_python(body)
    assert "x_topics_elsewhere" not in client.get("/api/v1/services?search=domestic%20abuse%20Peckham").get_json()

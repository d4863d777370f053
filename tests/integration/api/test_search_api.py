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

"""Load test: mixed public traffic against a running explorer (loopback only).

Run with ``make load`` (starts gunicorn with 2 workers, then 200 users for 120 s; ``make
load-postgres`` does the same on PostgreSQL). Tasks weigh what people do: open pages (the LCPF
page among them), search, change filters, call the API, download feeds, the six-monthly report
(CSV and XLSX) and the LCPF scenario.
"""

from __future__ import annotations

import random

from locust import HttpUser, between, task

QUERIES = ["domestic abuse Peckham", "knife crim youth croydon", "SE15 4", "county lines", "victim support",
           "hate crime in Tower Hamlet", "walthamstow", "rape crisis", "e14ns", "parenting Enfield"]
BOROUGHS = ["E09000012", "E09000028", "E09000008", "E09000010", "E09000030", "E09000022"]
PAGES = ["/", "/funding", "/performance", "/lcpf", "/data"]
HALVES = ["2025-H1", "2025-H2"]


def _router(pathname: str, search: str = "") -> dict:
    return {"output": "page.children", "outputs": {"id": "page", "property": "children"},
            "inputs": [{"id": "url", "property": "pathname", "value": pathname}],
            "changedPropIds": ["url.pathname"],
            "state": [{"id": "url", "property": "search", "value": search}]}


def _search(query: str, boroughs: list[str], changed: str) -> dict:
    outputs = [("service-list", "children"), ("result-summary", "children"), ("service-layer", "data"),
               ("borough-layer", "hideout"), ("url", "search")]
    return {
        "output": ".." + "...".join(f"{i}.{p}" for i, p in outputs) + "..",
        "outputs": [{"id": i, "property": p} for i, p in outputs],
        "inputs": [
            {"id": "search-button", "property": "n_clicks", "value": 1},
            {"id": "search-input", "property": "value", "value": query},
            {"id": "borough-select", "property": "value", "value": boroughs},
            {"id": "area-select", "property": "value", "value": []},
            {"id": "commissioner-select", "property": "value", "value": []},
            {"id": "age-select", "property": "value", "value": None},
            {"id": "access-select", "property": "value", "value": None},
        ],
        "changedPropIds": [changed],
        "state": [],
    }


class Visitor(HttpUser):
    """A member of the public using the site and its API."""

    wait_time = between(0.5, 2.0)

    @task(3)
    def open_a_page(self):
        path = random.choice(PAGES)
        self.client.get(path, name="page html")
        self.client.get("/_dash-layout", name="/_dash-layout")
        self.client.post("/_dash-update-component", json=_router(path), name="route " + path)

    @task(5)
    def search(self):
        self.client.post("/_dash-update-component",
                         json=_search(random.choice(QUERIES), [], "search-input.value"), name="search")

    @task(3)
    def change_a_filter(self):
        self.client.post("/_dash-update-component",
                         json=_search("", random.sample(BOROUGHS, 1), "borough-select.value"), name="filter")

    @task(2)
    def api(self):
        self.client.get(f"/api/v1/services?search={random.choice(QUERIES)}", name="/api/v1/services?search")

    @task(1)
    def feed(self):
        self.client.get("/funding.ics", name="/funding.ics")

    @task(1)
    def report_download(self):
        kind = random.choice(["csv", "xlsx"])
        self.client.get(f"/performance/report.{kind}?period={random.choice(HALVES)}", name=f"report.{kind}")

    @task(1)
    def lcpf(self):
        self.client.post("/_dash-update-component", json=_router("/lcpf"), name="route /lcpf")
        self.client.get("/lcpf/scenario.csv", name="/lcpf/scenario.csv")

    @task(1)
    def health(self):
        self.client.get("/healthz", name="/healthz")

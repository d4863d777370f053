"""Relevance benchmark: the labelled query set on the sample register, and a synthetic-register
comparison with SQLite FTS5 (plain ``sqlite3``, and the same index under Datasette), in one run.

Run: ``make bench-relevance`` (or ``.venv/bin/python -m benchmarks.bench_relevance [SIZES...]``).

Part 1 reads ``benchmarks/relevance/queries.csv`` (residents', community groups' and officers'
queries: typos, abbreviations, postcodes, places, no place). Each row labels what the person is
after: service areas (``topics``), a borough, services the query names exactly (``named``), services
a reader judged relevant from their descriptions (``relevant``) and, when the query names one, an
audience. Graded judgements follow from those labels and the register's facts, never from the
search's own ranking:

* 3: a service the query names; a service for the audience the query names ("perpetrator").
* 2: listed in ``relevant``; or an active service tagged with one of the topics that covers the
  borough itself (any active service of the topics when there is no borough; any service covering
  the borough when there is no topic).
* 1: a pan-London service of the topics, for a query with a borough; any other service of the
  topics when the query names a service.
* 0: everything else, including services for people who harm or professionals only (unless the
  query names that audience), ended services (unless named) and services only nearby in another
  borough.

It prints NDCG@10, precision@10 (relevant results in the top 10 over min(10, number relevant)),
the zero-result rate and every query whose named service is not in the top 3.

Part 2 builds the synthetic register (``benchmarks/synthetic.py``) at each size, and asks 10
exact queries ("knife crime Croydon") and the same 10 with typos ("knife crme Croydn") of this
search and of an SQLite FTS5 index of the same fields (name, description, provider, programme,
service areas, borough names; bm25 order, as Datasette's full-text search does). A result is
relevant when it is an active service of the query's service area covering the query's borough.
Both answer over HTTP (each a Werkzeug server in its own process on loopback, 10 results a page):
p50/p95 per side, for each query's first ask and for repeats; and the CPU time each request
costs when the two Flask apps are called in-process (steadier than wall time on a shared machine).
The same FTS5 index is also served by Datasette, the peer the issue measured against (its own
virtualenv, ``scripts/ensure-datasette.sh``; ``make bench-relevance`` installs it): a canned query
that asks FTS5 as the plain side does, so its answers are checked to be the same, row for row.
Without ``.venv-datasette`` that column is left out and the run says so.
"""

from __future__ import annotations

import csv
import gc
import json
import math
import multiprocessing
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from explorer.services.search import SearchIndex

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "benchmarks" / "relevance" / "queries.csv"
RESTRICTED = {"people-who-harm", "professionals"}
DATASETTE = ROOT / ".venv-datasette" / "bin" / "datasette"
STARTS = 5  # fresh server starts per size: each gives one first ask of every query
K = 10

#: Synthetic-register queries: (exact, with typos, service area, borough).
SYNTHETIC = [
    ("domestic abuse Southwark", "domestc abuse Southwak", "vawg", "Southwark"),
    ("county lines Lambeth", "county lnes Lambth", "exploitation", "Lambeth"),
    ("knife crime Croydon", "knife crme Croydn", "youth-violence", "Croydon"),
    ("rape crisis Hackney", "rape crissis Hackny", "sexual-violence", "Hackney"),
    ("hate crime Newham", "hate crim Newhm", "hate-crime", "Newham"),
    ("parenting Barnet", "parentng Barnett", "early-intervention", "Barnet"),
    ("victim care Camden", "victm care Camdem", "victims-witnesses", "Camden"),
    ("drug and alcohol Ealing", "drug and alcohl Ealling", "substance-misuse", "Ealing"),
    ("prison leavers Brent", "prison leavrs Brentt", "reducing-reoffending", "Brent"),
    ("antisocial behaviour Lewisham", "antisocial behavior Lewishem", "community-safety", "Lewisham"),
]


# -- part 1: the labelled set --------------------------------------------------------------------


def read_queries(path: Path = QUERIES) -> list[dict]:
    """The labelled queries, one dict a row (lists split on ``;``)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for key in ("topics", "named", "relevant"):
                row[key] = [v for v in row[key].split(";") if v]
            rows.append(row)
    return rows


def judgements(row: dict, snapshot, borough_code: str | None) -> dict[str, int]:
    """The graded judgement of every service for one labelled query (see the module's doc)."""
    grades: dict[str, int] = {}
    topics = set(row["topics"])
    audience = row["audience"] or None
    for s in snapshot.services:
        grade = 0
        restricted = s.audience in RESTRICTED and s.audience != audience
        if s.status == "active" and not restricted:
            in_topic = not topics or bool(topics & set(s.term_ids))
            if in_topic and (topics or borough_code):
                if borough_code is None:
                    grade = 2
                elif borough_code in s.borough_codes:
                    grade = 1 if s.pan_london else 2
                if row["named"]:  # a query naming a service wants that one; its neighbours are related
                    grade = min(grade, 1)
            if s.id in row["relevant"]:
                grade = max(grade, 2)
            if audience in RESTRICTED and s.audience == audience and in_topic:
                grade = 3
        if s.id in row["named"]:
            grade = 3
        if grade:
            grades[s.id] = grade
    return grades


def dcg(gains: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(i, 0) for i in ranked[:k]]) / ideal if ideal else 0.0


def precision_at(ranked: list[str], relevant: set[str], k: int = K) -> float:
    if not relevant:
        return 0.0
    return sum(1 for i in ranked[:k] if i in relevant) / min(k, len(relevant))


def evaluate_labelled(index: SearchIndex, rows: list[dict]) -> dict:
    """NDCG@10, P@10, zero-result rate and named-service misses over the labelled set."""
    snapshot = index.snapshot
    codes = {b.name.lower(): b.code for b in snapshot.boroughs}
    ndcgs, precisions, zero, misses, by_style = [], [], 0, [], {}
    for row in rows:
        code = codes.get(row["borough"].lower()) if row["borough"] else None
        grades = judgements(row, snapshot, code)
        result = index.search(row["query"], limit=K)
        ranked = [i.service.id for i in result.items]
        if not ranked:
            zero += 1
        n = ndcg_at(ranked, grades)
        p = precision_at(ranked, set(grades))
        ndcgs.append(n)
        precisions.append(p)
        by_style.setdefault(row["style"], []).append(n)
        if row["named"] and not set(row["named"]) & set(ranked[:3]):
            misses.append((row["query"], row["named"], ranked[:3]))
    return {
        "queries": len(rows),
        "ndcg@10": round(statistics.mean(ndcgs), 3),
        "p@10": round(statistics.mean(precisions), 3),
        "zero_result_rate": round(zero / len(rows), 3),
        "named_not_in_top3": misses,
        "ndcg@10_by_style": {k: round(statistics.mean(v), 3) for k, v in sorted(by_style.items())},
    }


# -- part 2: synthetic register, this search against SQLite FTS5 -----------------------------------


def fts5_connection(snapshot) -> sqlite3.Connection:
    """An in-memory FTS5 index of the register's searchable fields (check_same_thread off for serving)."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, name, description, provider, programme, areas, boroughs)"
    )
    terms = {t.id: f"{t.name} {' '.join(t.synonyms)}" for t in snapshot.terms}
    conn.executemany(
        "INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (s.id, s.name, s.description or "", s.provider_name, s.programme,
             " ".join(terms.get(t, t) for t in s.term_ids),
             " ".join(snapshot.borough_name(c) for c in s.borough_codes))
            for s in snapshot.services if s.status == "active"
        ],
    )
    conn.commit()
    return conn


def fts5_search(conn: sqlite3.Connection, text: str, limit: int = K) -> list[tuple]:
    """Rows for a query, as Datasette's ``_search`` asks FTS5: each word quoted, all required, bm25 order."""
    words = re.findall(r"\w+", text.lower())
    if not words:
        return []
    match = " ".join(f'"{w}"' for w in words)
    return conn.execute(
        "SELECT id, name, description, provider, programme, areas, boroughs FROM fts WHERE fts MATCH ? "
        "ORDER BY bm25(fts) LIMIT ?",
        (match, limit),
    ).fetchall()


#: The canned query Datasette answers: FTS5 asked as :func:`fts5_search` asks it (each word quoted,
#: by Datasette's own ``escape_fts``; bm25 order, FTS5's ``rank``; 10 rows). Datasette's table-view
#: ``_search`` orders by primary key, so a canned query is its documented way to rank by relevance.
DATASETTE_SQL = (
    "select s.id, s.name, s.description, s.provider, s.programme, s.areas, s.boroughs from "
    "(select rowid, rank from services_fts where services_fts match escape_fts(:q) order by rank limit 10) f "
    "join services s on s.rowid = f.rowid order by f.rank"
)


def datasette_database(conn: sqlite3.Connection, folder: Path) -> tuple[Path, Path]:
    """The FTS5 index written for Datasette: a ``services`` table with an external-content FTS5 table
    ``services_fts`` (as sqlite-utils' ``enable_fts`` makes one), and metadata with the canned query.
    Returns the database file and the metadata file."""
    db, metadata = folder / "bench.db", folder / "metadata.json"
    out = sqlite3.connect(db)
    try:
        out.execute("CREATE TABLE services (id TEXT PRIMARY KEY, name TEXT, description TEXT, provider TEXT, "
                    "programme TEXT, areas TEXT, boroughs TEXT)")
        out.executemany("INSERT INTO services VALUES (?, ?, ?, ?, ?, ?, ?)",
                        conn.execute("SELECT id, name, description, provider, programme, areas, boroughs FROM fts"))
        out.execute('CREATE VIRTUAL TABLE services_fts USING fts5(name, description, provider, programme, areas, '
                    'boroughs, content="services")')
        out.execute("INSERT INTO services_fts (rowid, name, description, provider, programme, areas, boroughs) "
                    "SELECT rowid, name, description, provider, programme, areas, boroughs FROM services")
        out.commit()
    finally:
        out.close()
    metadata.write_text(json.dumps({"databases": {"bench": {"queries": {"search": {"sql": DATASETTE_SQL}}}}}))
    return db, metadata


class StaticProvider:
    """A snapshot provider with one fixed snapshot and its index (the API's view of the register)."""

    def __init__(self, index: SearchIndex):
        self._derived = {"search": index}
        self._snapshot = index.snapshot
        self.geography = index.geography

    def current(self):
        return self._snapshot

    def derived(self, name, factory):
        if name not in self._derived:  # built once, as the app's provider does per version
            self._derived[name] = factory(self._snapshot)
        return self._derived[name]


def _ours_app(index: SearchIndex):
    from flask import Flask

    from explorer.api import oruk as oruk_api

    app = Flask("bench-ours")
    app.config["EXPLORER_PROVIDER"] = StaticProvider(index)
    oruk_api.register(app)
    return app


def _peer_app(conn: sqlite3.Connection):
    from flask import Flask, jsonify, request

    app = Flask("bench-fts5")
    columns = ["id", "name", "description", "provider", "programme", "areas", "boroughs"]

    @app.get("/search")
    def search():
        rows = fts5_search(conn, request.args.get("q", ""))
        return jsonify({"rows": [dict(zip(columns, r)) for r in rows], "truncated": False})

    return app


def _serve(app, port: int) -> None:
    from werkzeug.serving import make_server

    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    gc.freeze()  # the built index and register are long-lived: keep them out of garbage collection
    make_server("127.0.0.1", port, app, threaded=False).serve_forever()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int) -> None:
    for _ in range(200):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"server on {port} did not start")


def http_latency(index: SearchIndex, conn: sqlite3.Connection, queries: list[str], repeats: int,
                 starts: int = STARTS) -> dict:
    """p50/p95 (ms) of each side over HTTP, each served by its own process, asked in turn.

    ``first``: each query's first ask (this search reads the text then: place, typos, named
    services; FTS5 parses its MATCH); ``repeat``: the same queries asked again (the API keeps the
    version's latest pages, :mod:`explorer.services.oruk_pages`, and the search the reading of
    recent texts; SQLite keeps its pages cached). Every side's servers are started afresh ``starts``
    times, so there are ``starts`` first asks of each query (a steadier p95 than one pass of 20) and
    ``repeats`` repeats in all. Each side answers one unrelated query after each start, so one-off
    start-up costs are in no figure. A first ask may still reuse the JSON of a service an earlier
    query listed (the typo twin of an exact query lists the same).
    """
    folder = tempfile.TemporaryDirectory(prefix="bench-datasette-")
    database = datasette_database(conn, Path(folder.name)) if DATASETTE.exists() else None
    timings: dict[tuple[str, str], list[float]] = {}
    same: list[bool] = []
    try:
        for start in range(starts):
            rounds = repeats // starts + (start < repeats % starts)
            _one_start(index, conn, database, queries, rounds, timings, same)
    finally:
        folder.cleanup()
    out: dict = {}
    for (side, kind), v in timings.items():
        out.setdefault(side, {})[kind] = {"p50_ms": round(statistics.median(v), 1),
                                          "p95_ms": round(_percentile(v, 95), 1)}
    out["first_asks_per_side"] = starts * len(queries)
    if database is not None:
        out["datasette"]["same_answers_as_fts5"] = all(same)
    else:
        out["datasette"] = f"not measured: {DATASETTE.relative_to(ROOT)} is missing (scripts/ensure-datasette.sh)"
    return out


def _one_start(index, conn, database, queries, repeats, timings, same) -> None:
    """Starts every side's server afresh, asks each query once and then ``repeats`` more times,
    appending to ``timings``; then checks Datasette's answers against the plain FTS5 side's."""
    import requests

    index._read.cache_clear()  # the servers fork from this process: no reading is remembered
    context = multiprocessing.get_context("fork")
    ours_port, peer_port, datasette_port = _free_port(), _free_port(), _free_port()
    servers = [context.Process(target=_serve, args=(_ours_app(index), ours_port), daemon=True),
               context.Process(target=_serve, args=(_peer_app(conn), peer_port), daemon=True)]
    for p in servers:
        p.start()
    datasette = None
    if database is not None:
        db, metadata = database
        datasette = subprocess.Popen(  # -i: immutable, so Datasette does not check the file for changes
            [str(DATASETTE), "serve", "-i", str(db), "--metadata", str(metadata), "--port", str(datasette_port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(ours_port)
        _wait(peer_port)
        session = requests.Session()
        urls = {
            "ours": lambda q: f"http://127.0.0.1:{ours_port}/api/v1/services?per_page={K}&search={requests.utils.quote(q)}",
            "fts5": lambda q: f"http://127.0.0.1:{peer_port}/search?q={requests.utils.quote(q)}",
        }
        if datasette is not None:
            _wait(datasette_port)
            urls["datasette"] = (lambda q: f"http://127.0.0.1:{datasette_port}/bench/search.json"
                                           f"?q={requests.utils.quote(q)}&_shape=objects")
        for url in urls.values():  # one-off start-up (imports, first allocations)
            session.get(url("youth club Kingston")).raise_for_status()

        def ask(kind: str, q: str) -> None:
            for side, url in urls.items():
                t = time.perf_counter()
                session.get(url(q)).raise_for_status()
                timings.setdefault((side, kind), []).append((time.perf_counter() - t) * 1000)

        for q in queries:
            ask("first", q)
        for _ in range(repeats):
            for q in queries:
                ask("repeat", q)
        if datasette is not None:  # asked after the timings, so every ask above was as timed
            same.extend([r["id"] for r in session.get(urls["datasette"](q)).json()["rows"]]
                        == [r[0] for r in fts5_search(conn, q)] for q in queries)
    finally:
        for p in servers:
            p.terminate()
            p.join()
        if datasette is not None:
            datasette.terminate()
            datasette.wait()


def cpu_per_request(index: SearchIndex, conn: sqlite3.Connection, queries: list[str], repeats: int) -> dict:
    """CPU time (ms, ``time.process_time``) per request of both sides' Flask apps, called in this
    process through Flask's test client (no sockets): what each answer costs, whatever else the
    machine is doing. ``first`` and ``repeat`` as in :func:`http_latency`."""
    clients = {"ours": _ours_app(index).test_client(), "fts5": _peer_app(conn).test_client()}
    urls = {"ours": lambda q: f"/api/v1/services?per_page={K}&search={quote(q)}", "fts5": lambda q: f"/search?q={quote(q)}"}
    for side, client in clients.items():
        client.get(urls[side]("youth club Kingston"))
    index._read.cache_clear()
    timings: dict[tuple[str, str], list[float]] = {}
    for kind, rounds in (("first", 1), ("repeat", repeats)):
        for _ in range(rounds):
            for q in queries:
                for side, client in clients.items():
                    t = time.process_time()
                    response = client.get(urls[side](q))
                    timings.setdefault((side, kind), []).append((time.process_time() - t) * 1000)
                    assert response.status_code == 200
    out: dict = {}
    for (side, kind), v in timings.items():
        out.setdefault(side, {})[kind] = {"p50_ms": round(statistics.median(v), 2), "p95_ms": round(_percentile(v, 95), 2)}
    return out


def _percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def evaluate_synthetic(size: int, geography, *, repeats: int) -> dict:
    from benchmarks.synthetic import empty_tables, synthetic_rows
    from explorer.services.snapshot import build_snapshot

    rows = {**synthetic_rows(size, geography.postcodes), **empty_tables()}
    snapshot = build_snapshot(size, {"services": 1}, rows, geography, on_sample=False)
    index = SearchIndex(snapshot, geography)
    conn = fts5_connection(snapshot)
    codes = {b.name: b.code for b in snapshot.boroughs}
    scores = {("ours", "exact"): [], ("ours", "typo"): [], ("fts5", "exact"): [], ("fts5", "typo"): []}
    for exact, typo, topic, borough in SYNTHETIC:
        code = codes[borough]
        relevant = {s.id for s in snapshot.services
                    if s.status == "active" and topic in s.term_ids and code in s.borough_codes}
        for kind, text in (("exact", exact), ("typo", typo)):
            ours = [i.service.id for i in index.search(text, limit=K).items]
            peer = [r[0] for r in fts5_search(conn, text)]
            scores[("ours", kind)].append(sum(i in relevant for i in ours) / K)
            scores[("fts5", kind)].append(sum(i in relevant for i in peer) / K)
    gc.freeze()  # the client process holds the register too; keep it out of garbage collection
    http = http_latency(index, conn, [q for pair in SYNTHETIC for q in pair[:2]], repeats)
    cpu = cpu_per_request(index, conn, [q for pair in SYNTHETIC for q in pair[:2]], repeats)
    gc.unfreeze()
    return {
        "services": size,
        "p@10_exact": {"ours": _mean(scores[("ours", "exact")]), "fts5": _mean(scores[("fts5", "exact")])},
        "p@10_typo": {"ours": _mean(scores[("ours", "typo")]), "fts5": _mean(scores[("fts5", "typo")])},
        "http": http,
        "cpu_per_request": cpu,
    }


def _mean(values) -> float:
    return round(statistics.mean(values), 3)


def main(argv=None) -> int:
    from benchmarks.synthetic import current_register

    sizes = [int(a) for a in (argv if argv is not None else sys.argv[1:])] or [10_000]
    snapshot, geography = current_register()
    if not snapshot.on_sample:
        print("warning: the store does not hold the bundled sample register; the labels are for the sample")
    labelled = evaluate_labelled(SearchIndex(snapshot, geography), read_queries())
    misses = labelled.pop("named_not_in_top3")
    print(json.dumps({"labelled_set": labelled}), flush=True)
    for query, named, top in misses:
        print(f"  named service not in the top 3: {query!r}: wanted {named}, got {top}")
    print("synthetic register: this search against SQLite FTS5 (same fields, same HTTP server kind) "
          "and the same FTS5 index under Datasette")
    for size in sizes:
        print(json.dumps(evaluate_synthetic(size, geography, repeats=10 if size <= 10_000 else 5)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

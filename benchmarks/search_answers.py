"""Every answer of the services search, written down so that a speed change can be shown to change none.

Run before and after a change and compare::

    .venv/bin/python -m benchmarks.search_answers /tmp/before.jsonl 10000
    ... change the search ...
    .venv/bin/python -m benchmarks.search_answers /tmp/after.jsonl 10000 --against /tmp/before.jsonl

It asks the sample register (the store's current version) and a synthetic register of each given
size (``benchmarks/synthetic.py``; its build time pinned so that ``last_modified`` is stable) the
labelled queries (``benchmarks/relevance/queries.csv``), the relevance benchmark's synthetic
queries and the search benchmark's mixed queries, each:

* through :meth:`SearchIndex.search`, with no filters, with each of a few filters, with ended
  services, "anywhere", and a page of 10: the listed services with their score, distance, band,
  place note and "named" flag, the total, the first 200 matching ids, the message, the "Showing"
  line, the ended count and the API's ``x_query`` object;
* through the API (``/api/v1/services`` and ``/api/v1/service_at_locations`` on a Flask test
  client): the status and the whole JSON body, pages 1 and 2 of 10, with ``ended=include``, with a
  borough, with a postcode and a proximity; each asked twice (a repeat that differs adds a line,
  so it shows as a difference).

``--few`` asks only the benchmarks' queries (not the labelled set), for a quicker run at 100,000.
One JSON line per answer; ``--against`` prints how many lines differ (and the first few) and exits
1 when any does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from urllib.parse import quote

from benchmarks.bench_relevance import SYNTHETIC, _ours_app, read_queries
from benchmarks.bench_search import FILTERS, QUERIES
from explorer.services.search import Filters, SearchIndex, understood_json

PINNED = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
API_VARIANTS = ("per_page=10", "per_page=10&page=2", "per_page=10&ended=include", "per_page=100",
                "per_page=10&borough=E09000028", "per_page=10&postcode=SE15%204&proximity=3000")


def _queries(few: bool = False) -> list[str]:
    texts = [] if few else [row["query"] for row in read_queries()]
    texts += [q for pair in SYNTHETIC for q in pair[:2]]
    texts += QUERIES
    texts += ["N15 youth", "the Stalking Threat Assessment Centre", "perpetrator programme Lambeth", "for professionals",
              "x" * 600, "!!!", "domestic abuse near Nowhereville"]
    return list(dict.fromkeys(texts))


def _search_answer(index: SearchIndex, query: str, filters: Filters, **options) -> dict:
    result = index.search(query, filters, **options)
    return {
        "items": [[i.service.id, round(i.score, 9), None if i.distance_km is None else round(i.distance_km, 6),
                   i.covers_place, i.band, i.named, i.place_note, i.ended] for i in result.items],
        "total": result.total,
        "matched": [s.id for s in result.matched[:200]],
        "message": result.message,
        "summary": result.summary,
        "ended_count": result.ended_count,
        "include_ended": result.include_ended,
        "x_query": understood_json(result, index.snapshot),
    }


def answers(name: str, index: SearchIndex, few: bool = False):
    """(key, answer) for every search and API call on one register (``few``: the benchmarks'
    queries only, not the labelled set: quicker at 100,000)."""
    client = _ours_app(index).test_client()
    option_sets = [("plain", Filters(), {}), ("ended", Filters(), {"include_ended": True}),
                   ("anywhere", Filters(), {"anywhere": True}), ("page10", Filters(), {"limit": 10})]
    option_sets += [(f"filter{i}", f, {}) for i, f in enumerate(FILTERS)]
    option_sets += [("age", Filters(age="young-people", access="self-referral"), {})]
    for query in _queries(few):
        for label, filters, options in option_sets:
            yield [name, "search", query, label], _search_answer(index, query, filters, **options)
        for variant in API_VARIANTS:
            for endpoint in ("services", "service_at_locations"):
                if endpoint == "service_at_locations" and variant not in API_VARIANTS[:2]:
                    continue
                url = f"/api/v1/{endpoint}?search={quote(query)}&{variant}"
                response = client.get(url)
                answer = [response.status_code, response.get_json()]
                yield [name, endpoint, query, variant], answer
                again = client.get(url)  # a repeat may come from the version's memory of pages
                if [again.status_code, again.get_json()] != answer:
                    yield [name, endpoint, query, variant, "asked again"], [again.status_code, again.get_json()]


def registers(sizes: list[int]):
    """The sample register and a synthetic register of each size, with their indexes."""
    from benchmarks.synthetic import current_register, empty_tables, synthetic_rows
    from explorer.services.snapshot import build_snapshot

    snapshot, geography = current_register()
    yield "sample", SearchIndex(snapshot, geography)
    for size in sizes:
        rows = {**synthetic_rows(size, geography.postcodes), **empty_tables()}
        snapshot = build_snapshot(size, {"services": 1}, rows, geography, on_sample=False)
        yield f"synthetic-{size}", SearchIndex(dataclasses.replace(snapshot, built_at=PINNED), geography)


def main(argv=None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    against = None
    if "--against" in args:
        at = args.index("--against")
        against = Path(args[at + 1])
        del args[at:at + 2]
    few = "--few" in args
    args = [a for a in args if a != "--few"]
    out = Path(args[0])
    sizes = [int(a) for a in args[1:]]
    count = 0
    with out.open("w", encoding="utf-8") as f:
        for name, index in registers(sizes):
            for key, answer in answers(name, index, few):
                f.write(json.dumps([key, answer], ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
    print(f"{count} answers written to {out}")
    if against is None:
        return 0
    before = against.read_text(encoding="utf-8").splitlines()
    after = out.read_text(encoding="utf-8").splitlines()
    differ = [(a, b) for a, b in zip(before, after) if a != b]
    for a, b in differ[:5]:
        print("before:", a[:400], "\nafter: ", b[:400])
    print(f"compared {min(len(before), len(after))} answers: {len(differ)} differ"
          + ("" if len(before) == len(after) else f"; {len(before)} before, {len(after)} after"))
    return 1 if differ or len(before) != len(after) else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Unseen residents' queries: how many the search answers with the right borough and topic.

Run: ``make bench-unseen`` (or ``.venv/bin/python -m benchmarks.bench_unseen [FILES...]``).

Each file in ``benchmarks/relevance/unseen/`` is a set of 150 queries written by someone who saw
neither the code nor the thesaurus, as residents would type them, each labelled with the one service
area (``topic``) that best answers it and the borough it places the person in (``borough``, empty
for none). The sets were measured before any change made for them (the README gives those
figures); kept here, they measure every later change on queries its author did not write for.

A query is right (**strict**) when ``x_query``'s borough is the labelled one (or there is none and
none was labelled) and a service of the topic is among the first three listed. **page** also
counts the nearest services of the topic elsewhere that the page names when none covers the place
(:meth:`SearchIndex.nearest_elsewhere`, :meth:`SearchIndex.topics_elsewhere`). **first** is the
first result alone.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from explorer.services.search import SearchIndex

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "benchmarks" / "relevance" / "unseen"
TOP = 3


@dataclass(frozen=True)
class Verdict:
    strict: bool
    page: bool
    first: bool


def read_set(path: Path) -> list[tuple[str, str, str | None]]:
    """The rows ``(query, topic, borough or None)`` of one set; a clear error for a bad row."""
    rows = []
    with path.open(newline="", encoding="utf-8") as stream:
        for number, row in enumerate(csv.DictReader(stream), start=2):
            query, topic = (row.get("query") or "").strip(), (row.get("topic") or "").strip()
            if not query or not topic:
                raise ValueError(f"{path.name} row {number}: query and topic are required (got {row!r})")
            rows.append((query, topic, (row.get("borough") or "").strip() or None))
    return rows


def judge(index: SearchIndex, query: str, topic: str, borough: str | None) -> Verdict:
    """Whether the search answers ``query`` with a service of ``topic`` and ``borough`` in ``x_query``;
    a clear error for a label the register does not have (a misspelt topic or borough would
    otherwise count as a miss)."""
    codes = {b.name: b.code for b in index.snapshot.boroughs}
    if borough is not None and borough not in codes:
        raise ValueError(f"{query!r}: borough {borough!r} is not one of the register's boroughs")
    if topic not in {t.id for t in index.snapshot.terms}:
        raise ValueError(f"{query!r}: topic {topic!r} is not one of the register's service areas")
    result = index.search(query, limit=TOP)
    location = result.understood.location
    if (location.borough_code if location else None) != (codes[borough] if borough else None):
        return Verdict(False, False, False)
    listed = result.items[:TOP]
    strict = any(topic in i.service.term_ids for i in listed)
    shown = [*(listed or index.nearest_elsewhere(result)),
             *(i for gap in index.topics_elsewhere(result) for i in gap.nearest)]
    page = any(topic in i.service.term_ids for i in shown)
    first = bool(listed) and topic in listed[0].service.term_ids
    return Verdict(strict, page, first)


def evaluate(index: SearchIndex, rows) -> dict:
    verdicts = [judge(index, *row) for row in rows]
    return {"queries": len(verdicts), "strict": sum(v.strict for v in verdicts),
            "page": sum(v.page for v in verdicts), "first": sum(v.first for v in verdicts)}


def main(argv=None) -> int:
    from benchmarks.synthetic import current_register

    files = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or sorted(UNSEEN.glob("*.csv"))
    snapshot, geography = current_register()
    index = SearchIndex(snapshot, geography)
    total = {"queries": 0, "strict": 0, "page": 0, "first": 0}
    for path in files:
        figures = evaluate(index, read_set(path))
        total = {k: total[k] + figures[k] for k in total}
        print(_line(path.name, figures))
    print(_line("all", total))
    return 0


def _line(name: str, f: dict) -> str:
    n = max(f["queries"], 1)
    return (f"{name}: strict {f['strict']} of {f['queries']} ({100 * f['strict'] / n:.1f} %), "
            f"page {f['page']} ({100 * f['page'] / n:.1f} %), first {f['first']} ({100 * f['first'] / n:.1f} %)")


if __name__ == "__main__":
    raise SystemExit(main())

"""Ingest layer: public contract notices in the Open Contracting Data Standard (OCDS 1.1) turned into contracts.

A release package (``{"releases": [...]}``) or a record package (``{"records": [...]}``, each
record's ``compiledRelease`` or its releases) is validated against the OCDS 1.1 release schema
(the standard's own JSON Schemas, copied into ``schemas/ocds/`` with their Apache-2.0 licence);
every breach is a problem naming the release (row), the JSON path (field), the value and the
schema's rule, and nothing is published. Then each contracting process (``ocid``) whose buyer
is MOPAC or the GLA becomes one contract: releases of the same process are read oldest first,
so a later notice (an award, a contract, a change) updates the earlier one and a variation in
the same process is never counted twice. A process that names another as its ``parent`` in
``relatedProcesses`` keeps that link (``parent_ocid``), so totals can leave it out.

A process whose notices name no buyer at all (a partial notice) is left out, unless a person has
confirmed it as a register service's contract (``vouched``): it is then kept, its buyer given as
"buyer not named in the notice", never filled in. A process whose notice names another buyer is
always left out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from explorer.domain.problems import Problem, shorten

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas" / "ocds"
UNNAMED_BUYER = "buyer not named in the notice"
"""The buyer of a process a person confirmed though its notices name no buyer."""

#: The buyers whose contracts the register keeps: their identifiers and the words of their names.
BUYER_IDS = {
    "GB-PPON-PTMT-7816-YCQG": "MOPAC",
    "GB-FTS-174468": "MOPAC",
    "GB-CFS-300264": "MOPAC",
}
BUYER_NAMES = {
    "mayors office for policing and crime": "MOPAC",
    "mopac": "MOPAC",
    "greater london authority": "GLA",
    "gla": "GLA",
}

#: Organisation identifier prefixes (org-id.guide) and what they are, for the supplier's scheme.
SCHEMES = {
    "GB-COH": "Companies House",
    "GB-CHC": "Charity Commission (England and Wales)",
    "GB-SC": "Scottish Charity Regulator",
    "GB-NIC": "Charity Commission for Northern Ireland",
    "GB-FTS": "Find a Tender",
    "GB-PPON": "Public Procurement Organisation Number",
    "GB-CFS": "Contracts Finder",
}


def looks_like(data: Any) -> bool:
    """True for an OCDS release or record package (a list of releases or records with ocids)."""
    if not isinstance(data, dict):
        return False
    for key in ("releases", "records"):
        items = data.get(key)
        if isinstance(items, list) and items and all(isinstance(i, dict) and "ocid" in i for i in items[:5]):
            return True
    return False


def check_package(data: Any, label: str) -> list[Problem]:
    """Every breach of the OCDS 1.1 schema: row = the release's (or record's) number, field = its JSON path."""
    if not isinstance(data, dict) or not any(isinstance(data.get(k), list) for k in ("releases", "records")):
        return [Problem(label, 0, "", "", "must be an OCDS release package (a 'releases' list) or record "
                                          "package (a 'records' list)")]
    problems: list[Problem] = []
    if isinstance(data.get("releases"), list):
        for error in _validator("release-package-schema.json").iter_errors(data):
            problems.append(_problem(label, list(error.absolute_path), error))
        return problems
    for number, record in enumerate(data["records"], start=1):
        if not isinstance(record, dict) or not isinstance(record.get("ocid"), str):
            problems.append(Problem(label, number, "records/ocid", "", "each record must have an ocid"))
            continue
        for path, release in _record_releases(record, number):
            for error in _validator("release-schema.json").iter_errors(release):
                problems.append(_problem(label, [*path, *error.absolute_path], error, row=number))
    return problems


def to_contracts(data: Mapping[str, Any], label: str, *, source_url: str | None = None,
                 vouched: frozenset[str] | set[str] = frozenset(),
                 ) -> tuple[list[dict[str, Any]], list[Problem], list[str]]:
    """One contract per process whose buyer is MOPAC or the GLA.

    ``vouched`` holds the ocids a person confirmed as a service's contract: such a process is
    kept even when its notices name no buyer (but never when they name another one).

    Returns:
        The contracts (plain rows for the record type), problems (a value that is not in
        pounds, a date that cannot be read) and notes (releases left out, and why).
    """
    problems: list[Problem] = []
    by_ocid: dict[str, dict[str, Any]] = {}
    other_buyers: set[str] = set()
    named = {r["ocid"] for _n, r in _releases(data) if any(_buyer(r))}
    kept_unnamed: set[str] = set()
    fallback = source_url or (data.get("uri") if isinstance(data.get("uri"), str) else None)
    for number, release in sorted(_releases(data), key=lambda item: str(item[1].get("date") or "")):
        buyer_name, buyer_id = _buyer(release)
        ours = BUYER_IDS.get(buyer_id or "") or BUYER_NAMES.get(_name_key(buyer_name or ""))
        if ours is None and (release["ocid"] in named or release["ocid"] not in vouched):
            other_buyers.add(release["ocid"])
            continue
        if ours is None:
            kept_unnamed.add(release["ocid"])
        row = by_ocid.setdefault(release["ocid"], {"ocid": release["ocid"], "_row": number})
        row["_row"] = number
        row["buyer_name"] = buyer_name or ours or UNNAMED_BUYER
        row["buyer_id"] = buyer_id or row.get("buyer_id")
        row.update(_facts(release, label, number, problems))
        links = [link.get("href") for link in release.get("links") or [] if isinstance(link, dict)]
        row["source_url"] = next((h for h in links if h), None) or row.get("source_url") or fallback
    notes = []
    if other_buyers:
        notes.append(f"{len(other_buyers)} contracting processes whose buyer is not MOPAC or the GLA (or not "
                     "named) were left out")
    if kept_unnamed:
        notes.append(f"{len(kept_unnamed)} contracting processes whose notices name no buyer were kept because a "
                     "person confirmed them as a service's contract: " + ", ".join(sorted(kept_unnamed)))
    return list(by_ocid.values()), problems, notes


def scheme_of(identifier: str | None) -> str | None:
    """The register an organisation identifier comes from (``GB-COH-04199237`` -> Companies House)."""
    if not identifier:
        return None
    for prefix in sorted(SCHEMES, key=len, reverse=True):
        if identifier.upper().startswith(prefix + "-"):
            return SCHEMES[prefix]
    return None


def local_id(identifier: str | None) -> str | None:
    """The identifier without its scheme prefix (``GB-CHC-1234567`` -> ``1234567``)."""
    if not identifier:
        return None
    for prefix in sorted(SCHEMES, key=len, reverse=True):
        if identifier.upper().startswith(prefix + "-"):
            return identifier[len(prefix) + 1:]
    return identifier


# -- private helpers ---------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _validator(name: str):
    from jsonschema import Draft4Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT4

    release = json.loads((SCHEMA_DIR / "release-schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource(release["id"], DRAFT4.create_resource(release))
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return Draft4Validator(schema, registry=registry)


def _problem(label: str, path: list, error, row: int | None = None) -> Problem:
    if row is None:
        row = int(path[1]) + 1 if len(path) > 1 and path[0] in ("releases", "records") and isinstance(path[1], int) else 0
    field = "/".join(str(p) for p in path) or "(package)"
    value = error.instance if not isinstance(error.instance, (dict, list)) else ""
    rule = f"{error.message} (OCDS 1.1 schema: {error.validator})"
    return Problem(label, row, field, shorten(value), shorten(rule, 300))


def _record_releases(record: Mapping[str, Any], number: int) -> Iterable[tuple[list, dict]]:
    if isinstance(record.get("compiledRelease"), dict):
        yield ["records", number - 1, "compiledRelease"], record["compiledRelease"]
        return
    for i, release in enumerate(record.get("releases") or []):
        if isinstance(release, dict) and "tag" in release and "initiationType" in release:  # a full release, not a link
            yield ["records", number - 1, "releases", i], release


def _releases(data: Mapping[str, Any]) -> list[tuple[int, dict]]:
    if isinstance(data.get("releases"), list):
        return [(n, r) for n, r in enumerate(data["releases"], start=1) if isinstance(r, dict) and r.get("ocid")]
    out = []
    for number, record in enumerate(data.get("records") or [], start=1):
        for _path, release in _record_releases(record, number):
            out.append((number, {**release, "ocid": release.get("ocid") or record.get("ocid")}))
    return out


def _buyer(release: Mapping[str, Any]) -> tuple[str | None, str | None]:
    buyer = release.get("buyer") if isinstance(release.get("buyer"), dict) else {}
    name, ident = buyer.get("name"), buyer.get("id")
    for party in _parties(release, "buyer"):
        name, ident = name or party.get("name"), ident or party.get("id")
    return name, ident


def _parties(release: Mapping[str, Any], role: str) -> list[dict]:
    return [p for p in release.get("parties") or [] if isinstance(p, dict) and role in (p.get("roles") or [])]


def _facts(release: Mapping[str, Any], label: str, number: int, problems: list[Problem]) -> dict[str, Any]:
    """What one release says about the contract (only what it says: missing stays missing)."""
    tender = release.get("tender") if isinstance(release.get("tender"), dict) else {}
    awards = [a for a in release.get("awards") or [] if isinstance(a, dict)]
    contracts = [c for c in release.get("contracts") or [] if isinstance(c, dict)]
    facts: dict[str, Any] = {"title": tender.get("title") or next((c.get("title") for c in contracts if c.get("title")), None)}
    for where, items, key in (("contract", contracts, "value"), ("award", awards, "value"), ("tender", [tender], "value")):
        values = [i[key] for i in items if isinstance(i.get(key), dict) and i[key].get("amount") is not None]
        if values:
            amount = sum(float(v["amount"]) for v in values)
            currencies = {v.get("currency") or "GBP" for v in values}
            if currencies != {"GBP"}:
                problems.append(Problem(label, number, f"{where}.value.currency", ",".join(sorted(currencies)),
                                        "must be GBP: the register holds amounts in pounds"))
            else:
                facts["value_gbp"], facts["value_basis"] = amount, where
            break
    periods = [c.get("period") for c in contracts] + [a.get("contractPeriod") for a in awards] + [tender.get("contractPeriod")]
    period = next((p for p in periods if isinstance(p, dict) and (p.get("startDate") or p.get("endDate"))), None)
    if period:
        facts["start_date"] = _date(period.get("startDate"), label, number, "contractPeriod.startDate", problems)
        facts["end_date"] = _date(period.get("endDate"), label, number, "contractPeriod.endDate", problems)
    statuses = [c.get("status") for c in contracts] + [a.get("status") for a in awards] + [tender.get("status")]
    facts["status"] = next((s for s in statuses if s), None)
    suppliers = [s for a in awards for s in a.get("suppliers") or [] if isinstance(s, dict)] or _parties(release, "supplier")
    if suppliers:
        facts["supplier_name"] = "; ".join(s.get("name") or "" for s in suppliers).strip("; ") or None
        facts["supplier_id"] = "; ".join(s.get("id") or "" for s in suppliers).strip("; ") or None
        facts["supplier_scheme"] = scheme_of(suppliers[0].get("id"))
    related = [r for r in (release.get("relatedProcesses") or []) + [r for c in contracts for r in c.get("relatedProcesses") or []]
               if isinstance(r, dict)]
    parent = next((r for r in related if "parent" in (r.get("relationship") or []) and r.get("identifier")), None)
    if parent:
        facts["parent_ocid"] = parent["identifier"]
    facts["release_date"] = _date(release.get("date"), label, number, "date", problems)
    return {k: v for k, v in facts.items() if v is not None}


def _date(text: Any, label: str, number: int, field: str, problems: list[Problem]) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(str(text).replace("Z", "+00:00")).date()
    except ValueError:
        problems.append(Problem(label, number, field, shorten(str(text)), "must be an ISO 8601 date-time, like "
                                                                          "2025-05-01T00:00:00+01:00"))
        return None


def _name_key(name: str) -> str:
    words = re.sub(r"[^a-z ]", "", name.lower().replace("&", "and").replace("’", "").replace("'", ""))
    words = " ".join(w for w in words.split() if w != "the")
    if words.endswith(" mopac"):
        words = words.removesuffix(" mopac")
    return words

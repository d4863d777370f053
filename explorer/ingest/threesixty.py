"""Ingest layer: 360Giving grants (JSON or CSV) as awarded funding rounds on the funding page.

Decision: a 360Giving file records grants already *awarded*. The explorer shows them as
**closed funding opportunities, one per funder and grant programme**, so a community group can
see what was given before, to whom and in what sizes, beside what is open now. They are not
loaded as services: a grant says nothing of a service's commissioner, access route or service
area, and the explorer never invents those.

For each funder + grant programme (``grantProgramme.code``, else its title):

- ``id`` is ``360g-`` and the programme code (or title) in lower case with dashes;
- ``funder`` / ``programme`` / ``url`` come from ``fundingOrganization`` / ``grantProgramme``;
- ``min_award_gbp`` and ``max_award_gbp`` are the smallest and largest ``amountAwarded``;
- ``boroughs`` are the London boroughs among the grants' ``beneficiaryLocation`` (E09 codes or
  names); ``opens`` and ``closes`` stay empty (360Giving does not record them);
- ``awarded_note`` says how many grants, between which award dates, and the total awarded,
  which is why the page treats the round as closed (``total_pot_gbp`` stays empty: the sum of
  awards is not the size of the pot);
- ``last_verified`` is the newest ``dateModified`` of its grants (the publisher's date);
- ``source_url`` is the file's address when given, else the grant's ``dataSource`` or URL.

The rounds are merged into the current opportunities: earlier ``360g-`` rows with the same id
are replaced, every other current opportunity is kept.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping, Sequence

from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.domain.problems import Problem, shorten
from explorer.ingest.files import ROW_KEY, cell_text

PREFIX = "360g-"

#: 360Giving CSV column titles (lower case) and the JSON paths they stand for.
CSV_COLUMNS = {
    "identifier": ("id",),
    "title": ("title",),
    "description": ("description",),
    "currency": ("currency",),
    "amount awarded": ("amountAwarded",),
    "award date": ("awardDate",),
    "url": ("url",),
    "recipient org:identifier": ("recipientOrganization", "id"),
    "recipient org:name": ("recipientOrganization", "name"),
    "funding org:identifier": ("fundingOrganization", "id"),
    "funding org:name": ("fundingOrganization", "name"),
    "grant programme:code": ("grantProgramme", "code"),
    "grant programme:title": ("grantProgramme", "title"),
    "grant programme:url": ("grantProgramme", "url"),
    "beneficiary location:geographic code": ("beneficiaryLocation", "geoCode"),
    "beneficiary location:name": ("beneficiaryLocation", "name"),
    "last modified": ("dateModified",),
    "data source": ("dataSource",),
}
_LIST_OBJECTS = {"recipientOrganization", "fundingOrganization", "grantProgramme", "beneficiaryLocation"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def looks_like_json(data: Any) -> bool:
    """True for a 360Giving package: an object with a ``grants`` list."""
    return isinstance(data, dict) and isinstance(data.get("grants"), list)


def looks_like_csv(rows: Sequence[Mapping[str, Any]]) -> bool:
    """True for a 360Giving CSV (it has ``Identifier`` and ``Amount Awarded`` columns)."""
    return bool(rows) and {"identifier", "amount awarded"} <= set(rows[0])


def unflatten_csv(rows: Sequence[Mapping[str, Any]]) -> dict[str, list[dict]]:
    """Turns 360Giving CSV rows back into a JSON package (only the columns the explorer uses)."""
    grants = []
    for row in rows:
        grant: dict[str, Any] = {ROW_KEY: row.get(ROW_KEY)}
        for title, path in CSV_COLUMNS.items():
            value = row.get(title)
            if value in (None, ""):
                continue
            if len(path) == 1:
                grant[path[0]] = value
            else:
                grant.setdefault(path[0], [{}])[0][path[1]] = value
        grants.append(grant)
    return {"grants": grants}


def to_opportunities(
    data: Any,
    *,
    label: str,
    source_url: str | None,
    current: Sequence[Mapping[str, Any]],
    borough_code: Callable[[str], str | None],
) -> tuple[list[dict[str, Any]], list[Problem], list[str]]:
    """Groups grants into awarded rounds and merges them into the current opportunities.

    Returns:
        The opportunities rows (text values), the problems and notes saying what was merged.
    """
    problems: list[Problem] = []
    if not looks_like_json(data):
        return [], [Problem(label, 0, "grants", "", "must be a 360Giving package with a list of grants")], []
    rounds: dict[str, dict[str, Any]] = {}
    for number, grant in enumerate(data["grants"], start=1):
        if not isinstance(grant, dict):
            problems.append(Problem(label, number, "", "", "must be a grant object"))
            continue
        row = grant.get(ROW_KEY) or number
        parsed = _parse_grant(grant, row, label, problems)
        if parsed is None:
            continue
        key = PREFIX + _slug(parsed["programme_code"] or parsed["programme"] or parsed["funder"])
        group = rounds.setdefault(key, {"row": row, "grants": []})
        group["grants"].append(parsed)
    new_rows = [_round_row(key, group, source_url, borough_code) for key, group in rounds.items()]
    kept = [dict(_as_text(r), **{ROW_KEY: 0}) for r in current if r.get("id") not in rounds]
    replaced = sum(1 for r in current if r.get("id") in rounds)
    notes = [
        f"{len(new_rows)} awarded round(s) from {sum(len(g['grants']) for g in rounds.values())} grants; "
        f"{replaced} earlier round(s) replaced; {len(kept)} current opportunities kept"
    ]
    return kept + new_rows, problems, notes


def _parse_grant(grant: dict, row: int, label: str, problems: list[Problem]) -> dict | None:
    def need(name: str, value: Any) -> Any:
        if value in (None, ""):
            problems.append(Problem(label, row, name, "", "is required"))
        return value

    funder = _first(grant.get("fundingOrganization"))
    programme = _first(grant.get("grantProgramme"))
    amount_text = need("amountAwarded", _text(grant.get("amountAwarded")))
    award_date = need("awardDate", _text(grant.get("awardDate")))
    need("id", _text(grant.get("id")))
    need("fundingOrganization/name", _text(funder.get("name")))
    currency = _text(grant.get("currency")) or "GBP"
    amount = None
    if amount_text:
        try:
            amount = float(amount_text.replace(",", "").replace("£", ""))
        except ValueError:
            problems.append(Problem(label, row, "amountAwarded", shorten(amount_text), "must be a number"))
        else:
            if amount < 0:
                problems.append(Problem(label, row, "amountAwarded", amount_text, "must not be negative"))
    if currency != "GBP":
        problems.append(Problem(label, row, "currency", currency, "must be GBP (the explorer shows pounds)"))
    if award_date and not _DATE.match(award_date):
        problems.append(Problem(label, row, "awardDate", shorten(award_date), "must be a date like 2025-04-01"))
    if amount is None or amount < 0 or not award_date or not _DATE.match(award_date) or currency != "GBP":
        return None
    locations = [loc for loc in _list(grant.get("beneficiaryLocation")) if isinstance(loc, dict)]
    return {
        "funder": _text(funder.get("name")),
        "programme": _text(programme.get("title")),
        "programme_code": _text(programme.get("code")),
        "programme_url": _text(programme.get("url")),
        "description": _text(programme.get("description")),
        "amount": amount,
        "award_date": award_date[:10],
        "modified": _text(grant.get("dateModified"))[:10],
        "recipient": _text(_first(grant.get("recipientOrganization")).get("name")),
        "locations": [(_text(loc.get("geoCode")), _text(loc.get("name"))) for loc in locations],
        "url": _text(grant.get("url")),
        "data_source": _text(grant.get("dataSource")),
    }


def _round_row(key: str, group: dict, source_url: str | None, borough_code) -> dict[str, Any]:
    grants = group["grants"]
    first = grants[0]
    amounts = [g["amount"] for g in grants]
    dates = sorted(g["award_date"] for g in grants)
    boroughs: set[str] = set()
    for g in grants:
        for code, name in g["locations"]:
            if code in LONDON_BOROUGH_CODES:
                boroughs.add(code)
            elif name and borough_code(name):
                boroughs.add(borough_code(name))
    modified = max((g["modified"] for g in grants if _DATE.match(g["modified"] or "")), default="")
    programme = first["programme"] or first["programme_code"] or "Grants"
    total = sum(amounts)
    note = (
        f"{len(grants)} grant{'s' if len(grants) != 1 else ''} awarded between {dates[0]} and {dates[-1]}, "
        f"£{total:,.0f} in all (360Giving data)."
    )
    return {
        ROW_KEY: group["row"],
        "id": key,
        "funder": first["funder"],
        "programme": programme,
        "title": f"{programme}: grants awarded",
        "description": first["description"] or f"Grants awarded by {first['funder']} under {programme}.",
        "applicant_types": "",
        "min_award_gbp": cell_text(min(amounts)),
        "max_award_gbp": cell_text(max(amounts)),
        "total_pot_gbp": "",
        "opens": "",
        "closes": "",
        "boroughs": ";".join(sorted(boroughs)),
        "service_areas": "",
        "url": first["programme_url"] or first["url"],
        "last_verified": modified,
        "illustrative": "false",
        "awarded_note": note,
        "source_url": source_url or first["data_source"] or first["programme_url"] or first["url"],
    }


def _as_text(row: Mapping[str, Any]) -> dict[str, str]:
    return {k: cell_text(v) for k, v in row.items() if k != "version_id"}


def _first(value: Any) -> dict:
    if isinstance(value, list):
        value = value[0] if value else {}
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    if isinstance(value, dict):
        return [value]
    return value if isinstance(value, list) else []


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "grants"


def _text(value: Any) -> str:
    try:
        return cell_text(value).strip()
    except ValueError:
        return ""

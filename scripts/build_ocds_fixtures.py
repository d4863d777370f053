"""Builds the OCDS release package of MOPAC's public contract notices from tests/data/ocds/mopac_contract_notices.csv.

Each release carries exactly the fields the notice published (see tests/data/PROVENANCE.md):
``date``, ``buyer`` (and the buyer party), ``tender.title``/``status``/``value``/``minValue``/
``contractPeriod``/``procurementMethod``/``classification``, suppliers as parties with role
``supplier``, and ``contracts[0].value`` for the one notice whose value is a contract's. The
collector's own summary (``description_short``) is not a published field and is left out.
``id``, ``tag``, ``initiationType``, ``tender.id``, ``awards[0].id`` and ``contracts[0].id``/
``awardID`` are structural fields the schema requires, made here. Rows with no published
release date are left out: the schema requires one, and none is invented.

Writes tests/data/ocds/mopac_release_package.json and the same package as the bundled sample
register's data/sample/contracts.json. Run: .venv/bin/python scripts/build_ocds_fixtures.py
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT / "tests" / "data" / "ocds" / "mopac_contract_notices.csv"
OUTPUTS = (ROOT / "tests" / "data" / "ocds" / "mopac_release_package.json", ROOT / "data" / "sample" / "contracts.json")
CONTRACT_VALUE = {"ocds-h6vhtk-0665be"}  # value_amount is contracts[0].value there (PROVENANCE)


def release(row: dict[str, str]) -> dict:
    ocid = row["ocid"]
    out: dict = {"ocid": ocid, "id": f"{ocid}-{row['release_date']}", "date": row["release_date"],
                 "tag": ["tender"], "initiationType": "tender"}
    parties = []
    if row["buyer_name"] or row["buyer_id"]:
        buyer = {k: v for k, v in (("id", row["buyer_id"]), ("name", row["buyer_name"])) if v}
        out["buyer"] = buyer
        parties.append({**buyer, "roles": ["buyer"]})
    for name, ident in zip(_split(row["supplier_names"]), _split(row["supplier_ids"]) or [""] * 9):
        parties.append({**({"id": ident} if ident else {}), "name": name, "roles": ["supplier"]})
    if parties:
        out["parties"] = parties
    tender = {"id": ocid}
    if row["title"]:
        tender["title"] = row["title"]
    if row["status"]:
        tender["status"] = row["status"]
    value = _value(row["value_amount"], row["value_currency"])
    if value and ocid not in CONTRACT_VALUE:
        tender["value"] = value
    if row["min_value_amount"]:
        tender["minValue"] = _value(row["min_value_amount"], row["value_currency"])
    period = {k: v for k, v in (("startDate", row["contract_start"]), ("endDate", row["contract_end"])) if v}
    if period:
        tender["contractPeriod"] = period
    if row["procurement_method"]:
        tender["procurementMethod"] = row["procurement_method"]
    if row["cpv_id"]:
        tender["classification"] = {"scheme": "CPV", "id": row["cpv_id"], "description": row["cpv_description"]}
    out["tender"] = tender
    if value and ocid in CONTRACT_VALUE:
        out["awards"] = [{"id": f"{ocid}-award-1"}]
        out["contracts"] = [{"id": f"{ocid}-contract-1", "awardID": f"{ocid}-award-1", "value": value}]
        out["tag"] = ["contract"]
    out["links"] = [{"rel": "canonical", "href": url} for url in _split(row["source_url"])]
    return out


def package(rows: list[dict[str, str]]) -> dict:
    return {
        "uri": "https://github.com/london-services-explorer/tests/data/ocds/mopac_release_package.json",
        "version": "1.1",
        "publishedDate": max(r["release_date"] for r in rows),
        "publisher": {"name": "London commissioned services explorer (built from public Find a Tender and "
                              "Contracts Finder notices)"},
        "license": "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "releases": [release(r) for r in rows],
    }


def _value(amount: str, currency: str) -> dict | None:
    if not amount:
        return None
    number = float(amount)
    return {"amount": int(number) if number.is_integer() else number, "currency": currency or "GBP"}


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


def main() -> None:
    with NOTICES.open(newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["release_date"]]
    text = json.dumps(package(rows), indent=1, ensure_ascii=False) + "\n"
    for path in OUTPUTS:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {len(rows)} releases to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

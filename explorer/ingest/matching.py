"""Ingest layer: matching published contracts to the register's providers and services.

By identifier first (a supplier's Companies House or charity number equal to a provider's),
then by name with rapidfuzz: a supplier's name against providers' names, and a contract's title
against services' names. A match by identifier, or by a supplier name that is all but the same,
is certain. Anything weaker is **uncertain**: it is reported for review and blocks the publish
until a person confirms or rejects it in a confirmations CSV (``ocid,service_id,decision`` with
``yes`` or ``no``; further columns, such as the reason and the source a decision rests on, are
kept for people and not read). A contract nothing resembles is kept unmatched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from rapidfuzz import fuzz, process

from explorer.domain.problems import Problem
from explorer.ingest.ocds import local_id

CERTAIN_NAME = 95
"""A supplier name scoring this or more against a provider's is the same provider."""
REVIEW = 80
"""Below this nothing is proposed; from here up to a certain match a person must confirm."""

CONFIRMATION_COLUMNS = ("ocid", "service_id", "decision")
_SUFFIXES = re.compile(r"\b(ltd|limited|cic|plc|llp|trust|the|charity|uk)\b")


@dataclass(frozen=True)
class Proposal:
    """A contract's proposed service, how it was found, and whether it is certain."""

    service_id: str
    how: str
    certain: bool


def match_contracts(
    contracts: Sequence[dict[str, Any]],
    services: Sequence[Mapping[str, Any]],
    organizations: Sequence[Mapping[str, Any]],
    confirmations: Mapping[str, tuple[str, bool]],
    label: str,
) -> list[Problem]:
    """Sets each contract's ``service_id`` and ``match``; returns a problem for each unconfirmed uncertain match.

    Args:
        contracts: Contract rows (changed in place).
        services: The register's current service rows.
        organizations: The register's current provider rows.
        confirmations: ocid -> (service id, confirmed?) as a person decided.
        label: The file named in problems.
    """
    problems = []
    for contract in contracts:
        decided = confirmations.get(contract["ocid"])
        proposal = propose(contract, services, organizations)
        if decided is not None:
            service_id, yes = decided
            if yes:
                contract["service_id"], contract["match"] = service_id, "confirmed by a person"
            continue
        if proposal is None:
            continue
        if proposal.certain:
            contract["service_id"], contract["match"] = proposal.service_id, proposal.how
            continue
        problems.append(Problem(
            label, contract.get("_row", 0), "service_id", proposal.service_id,
            f"is an uncertain match ({proposal.how}): confirm or reject it with a line "
            f"'{contract['ocid']},{proposal.service_id},yes' (or no) in a confirmations CSV "
            "(--confirmations FILE); nothing is published until then",
        ))
    return problems


def propose(contract: Mapping[str, Any], services: Sequence[Mapping[str, Any]],
            organizations: Sequence[Mapping[str, Any]]) -> Proposal | None:
    """The service a contract most likely funds, or None."""
    provider, how, certain = _provider(contract, organizations)
    title = contract.get("title") or ""
    if provider is not None:
        own = [s for s in services if s.get("organization_id") == provider]
        if len(own) == 1:
            return Proposal(own[0]["id"], how, certain)
        best = _best(title, own) if title else None
        if best is not None:
            service, score = best
            return Proposal(service["id"], f"{how}; title {score:.0f}% like '{service['name']}'",
                            certain and score >= CERTAIN_NAME)
        return None
    best = _best(title, services) if title else None
    if best is None or best[1] < REVIEW:
        return None
    service, score = best
    return Proposal(service["id"], f"title '{title}' {score:.0f}% like service '{service['name']}'", False)


def read_confirmations(rows: Sequence[Mapping[str, Any]], label: str) -> tuple[dict[str, tuple[str, bool]], list[Problem]]:
    """Reads confirmation rows (``ocid,service_id,decision``); a bad row is a problem."""
    out, problems = {}, []
    for row in rows:
        number = row.get("_row", 0)
        missing = [c for c in CONFIRMATION_COLUMNS if not str(row.get(c) or "").strip()]
        if missing:
            problems.append(Problem(label, number, missing[0], "", "is required (ocid, service_id, decision)"))
            continue
        decision = str(row["decision"]).strip().lower()
        if decision not in {"yes", "no"}:
            problems.append(Problem(label, number, "decision", decision, "must be yes or no"))
            continue
        out[str(row["ocid"]).strip()] = (str(row["service_id"]).strip(), decision == "yes")
    return out, problems


def _provider(contract: Mapping[str, Any], organizations: Sequence[Mapping[str, Any]]):
    ident = local_id(contract.get("supplier_id"))
    if ident:
        wanted = ident.lstrip("0").upper()
        for org in organizations:
            for column, word in (("company_number", "Companies House"), ("charity_number", "charity")):
                if org.get(column) and str(org[column]).lstrip("0").upper() == wanted:
                    return org["id"], f"supplier's {word} number {ident}", True
    name = contract.get("supplier_name")
    if not name or not organizations:
        return None, "", False
    choices = {o["id"]: _plain(o.get("name") or "") for o in organizations}
    found = process.extractOne(_plain(name), choices, scorer=fuzz.token_sort_ratio)
    if found is None or found[1] < REVIEW:
        return None, "", False
    _text, score, org_id = found
    return org_id, f"supplier '{name}' {score:.0f}% like provider {org_id}", score >= CERTAIN_NAME


def _best(title: str, services: Sequence[Mapping[str, Any]]):
    if not services:
        return None
    choices = {i: _plain(s.get("name") or "") for i, s in enumerate(services)}
    found = process.extractOne(_plain(title), choices, scorer=fuzz.token_set_ratio)
    if found is None:
        return None
    return services[found[2]], found[1]


def _plain(text: str) -> str:
    return " ".join(_SUFFIXES.sub(" ", re.sub(r"[^a-z0-9 ]", " ", text.lower())).split())

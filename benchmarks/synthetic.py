"""A synthetic register generator for benchmarks only: N services with realistic text and places.

Clearly separate from the sample register: these rows are random, every one is marked
``illustrative`` and its source is ``https://example.org/synthetic``. Never publish them to a
real store.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

SOURCE = "https://example.org/synthetic"

TOPICS = {
    "vawg": ["Domestic abuse advocacy", "Independent domestic violence advisers", "Women's safety project",
             "Coercive control support", "Stalking advocacy"],
    "sexual-violence": ["Sexual violence counselling", "ISVA service", "Rape crisis helpline", "Sexual assault support"],
    "victims-witnesses": ["Victim care hub", "Witness support", "Restorative justice project", "Victim advocacy"],
    "youth-violence": ["Youth violence mentoring", "Knife crime prevention", "Detached youth work", "Hospital youth workers"],
    "exploitation": ["County lines rescue", "Child exploitation support", "Anti-trafficking service", "Grooming prevention"],
    "reducing-reoffending": ["Prison leavers mentoring", "Rehabilitation hub", "Offender employment project"],
    "hate-crime": ["Hate crime advocacy", "Community cohesion project", "Hate incident reporting centre"],
    "early-intervention": ["Parenting programme", "School inclusion project", "After-school club", "Family support"],
    "substance-misuse": ["Drug and alcohol outreach", "Recovery cafe", "Substance misuse treatment"],
    "community-safety": ["Neighbourhood safety project", "Antisocial behaviour mediation", "Safer streets scheme"],
}
PROVIDERS = ["Safer Futures", "Community Links", "Victim Care Trust", "Youth First", "Women's Aid Network",
             "Second Chance", "Hope Centre", "Unity Project", "Bridge Partnership", "New Leaf", "Open Door",
             "Street Doctors", "Steps Forward", "Kinship Trust", "Ripple Effect"]
PROGRAMMES = ["London Crime Prevention Fund", "VRU core", "Victims grant", "VAWG fund", "MyEnds",
              "Young Londoners Fund", "Safer Streets"]


def synthetic_rows(n: int, postcode_index: Any, *, seed: int = 7) -> dict[str, list[dict[str, Any]]]:
    """Rows for the ``services`` entity's tables: n services, about one location each.

    Args:
        n: How many services.
        postcode_index: A loaded :class:`explorer.reference.PostcodeIndex` to place them.
        seed: Random seed, so runs compare like with like.
    """
    rng = random.Random(seed)
    codes = list(postcode_index.borough_codes)
    keys = postcode_index.keys
    terms = [{"id": t, "name": t.replace("-", " ").capitalize(), "description": None, "synonyms": (),
              "source_url": SOURCE} for t in TOPICS]
    orgs = [{"id": f"org-{i}", "name": f"{name} {i}", "description": None, "website": None,
             "charity_number": None, "company_number": None, "source_url": SOURCE}
            for i, name in enumerate(PROVIDERS * 20)]
    services, areas, links, locations, service_terms = [], [], [], [], []
    for i in range(n):
        term = rng.choice(list(TOPICS))
        place = int(rng.randrange(len(keys)))
        borough = codes[int(postcode_index.borough_index[place])]
        pan = rng.random() < 0.05
        start = dt.date(2023, 4, 1) + dt.timedelta(days=rng.randrange(700))
        services.append({
            "id": f"syn-{i}", "name": f"{rng.choice(TOPICS[term])}, {rng.choice(PROVIDERS)} ({keys[place].decode()[:-3]})",
            "description": f"Synthetic service {i} for benchmarks.", "status": "active",
            "commissioner": rng.choice(["MOPAC", "VRU", "MOPAC;VRU"]), "programme": rng.choice(PROGRAMMES),
            "funding_stream": None, "organization_id": rng.choice(orgs)["id"], "url": "https://example.org",
            "email": None, "phone": None, "minimum_age": rng.choice([None, 10, 11, 18]),
            "maximum_age": rng.choice([None, 17, 25]), "eligibility": None,
            "access": rng.choice(["self-referral", "professional-referral", "both"]),
            "confidential_location": rng.random() < 0.05, "contract_value_gbp": float(rng.randrange(10_000, 2_000_000)),
            "start_date": start, "end_date": start + dt.timedelta(days=730), "last_verified": start,
            "illustrative": True, "source_url": SOURCE,
        })
        for code in (codes if pan else [borough]):
            areas.append({"service_id": f"syn-{i}", "borough_code": code})
        service_terms.append({"service_id": f"syn-{i}", "term_id": term})
        if not services[-1]["confidential_location"]:
            pc = keys[place].decode()
            locations.append({"id": f"loc-{i}", "name": f"Centre {i}", "address": None,
                              "postcode": f"{pc[:-3]} {pc[-3:]}", "latitude": float(postcode_index.latitudes[place]),
                              "longitude": float(postcode_index.longitudes[place]), "source_url": SOURCE})
            links.append({"service_id": f"syn-{i}", "location_id": f"loc-{i}"})
    return {"taxonomy_term": terms, "organization": orgs, "service": services, "service_area": areas,
            "service_taxonomy": service_terms, "location": locations, "service_at_location": links}


def empty_tables() -> dict[str, list]:
    """The other entities' tables, empty, to complete a register for :func:`build_snapshot`."""
    from explorer.store.schema import ENTITIES

    return {t: [] for entity, tables in ENTITIES.items() if entity != "services" for t in tables}


def current_register() -> tuple[Any, Any]:
    """The store's current snapshot (the bundled sample unless the store holds another register) and
    the reference geography, prepared as the app prepares them: what the benchmarks ask first."""
    from explorer.reference import load_geography, prepare
    from explorer.services.snapshot import SnapshotProvider
    from explorer.settings import Settings
    from explorer.store.store import Store

    settings = Settings.from_env()
    prepare(settings.data_dir, settings.cache_dir)
    geography = load_geography(settings.data_dir, settings.cache_dir)
    store = Store.open(settings.store_url)
    snapshot = SnapshotProvider(store, geography).current()
    store.dispose()
    return snapshot, geography

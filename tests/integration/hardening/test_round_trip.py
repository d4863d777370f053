"""Export -> import -> export is byte-identical for every format the explorer both writes and reads (issue 17, 1).

Open Referral UK JSON (the API's service records) is the one format the explorer both writes
and reads: it loads back as services, and the second export must equal the first, byte for
byte (ids, organizations, locations, taxonomy terms, phones, eligibility, the commissioning
extension). A confidential service must come back confidential, with no public location, even
when another record's locations are added to it in the file. (The other downloads are written
for people and spreadsheets: services.csv, GeoJSON, 360Giving grants and opportunities.csv
carry display columns the readers do not take.)
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from explorer.ingest.publish import borough_resolver, ingest_path
from explorer.services import oruk
from explorer.services.snapshot import SnapshotProvider

MODIFIED = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.timezone.utc)
BASE = "https://services.example.org"
CONFIDENTIAL = "svc-solace-refuges-sample"


@pytest.fixture()
def tools(sample_store, geography, postcode_lookup):
    def snapshot():
        return SnapshotProvider(sample_store, geography, check_interval=0).current()

    def ingest(entity, path, fmt="auto"):
        result = ingest_path(sample_store, entity, path, postcode_lookup, fmt=fmt,
                             borough_code=borough_resolver(geography.boroughs))
        assert result.report.ok, [p.as_text() for p in result.report.errors][:10]
        assert result.published
        return result

    return snapshot, ingest


def _oruk_bytes(snapshot) -> bytes:
    records = [oruk.service_record(snapshot, s, MODIFIED, BASE) for s in snapshot.services]
    return json.dumps(records, indent=2, ensure_ascii=False, sort_keys=True).encode()


def test_open_referral_uk_round_trip_is_byte_identical(tools, tmp_path):
    snapshot, ingest = tools
    first = _oruk_bytes(snapshot())
    path = tmp_path / "services.json"
    path.write_bytes(first)
    ingest("services", path, fmt="oruk")
    second = _oruk_bytes(snapshot())
    assert second == first


def test_the_confidential_flag_survives_a_round_trip_with_locations_added(tools, tmp_path):
    snapshot, ingest = tools
    before = snapshot()
    refuge = before.service(CONFIDENTIAL)
    assert refuge is not None and refuge.confidential_location
    record = oruk.service_record(before, refuge, MODIFIED, BASE)
    assert "confidential_location" not in record  # written only inside the extension
    assert record[oruk.EXTENSION]["confidential_location"] is True
    # Another record's public delivery points, pasted into the refuge's record.
    donor = next(s for s in before.services if s.points and not s.confidential_location)
    record["service_at_locations"] = oruk.service_record(before, donor, MODIFIED, BASE)["service_at_locations"]
    others = [oruk.service_record(before, s, MODIFIED, BASE) for s in before.services if s.id != CONFIDENTIAL]
    path = tmp_path / "services.json"
    path.write_text(json.dumps(others + [record]), encoding="utf-8")
    ingest("services", path, fmt="oruk")
    after = snapshot().service(CONFIDENTIAL)
    assert after is not None and after.confidential_location and not after.points

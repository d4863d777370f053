"""Integration tests: the ``explorer`` commands for keeping the register up to date (ingest, versions, diff, rollback, suggestions)."""

from __future__ import annotations

import csv
import json

import pytest

from explorer.cli import main
from explorer.settings import ROOT

BAD = ROOT / "tests" / "data" / "bad"
SAMPLE = ROOT / "data" / "sample"


@pytest.fixture()
def env(monkeypatch, sample_settings):
    monkeypatch.setenv("EXPLORER_DATABASE_URL", sample_settings.database_url)
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(sample_settings.data_dir))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(sample_settings.cache_dir))
    return sample_settings


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def changed_spend(tmp_path):
    rows = list(csv.DictReader((SAMPLE / "spend.csv").open(encoding="utf-8")))
    rows[0]["actual_gbp"] = "1"
    removed = rows.pop()
    path = tmp_path / "spend.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path, rows[0], removed


def test_dry_run_then_publish_then_diff_then_rollback(env, capsys, tmp_path):
    path, first, removed = changed_spend(tmp_path)
    code, out, _ = run(capsys, "ingest", "spend", str(path), "--dry-run")
    assert code == 0 and "dry run, nothing published" in out
    code, out, _ = run(capsys, "versions", "--json")
    old = next(v["id"] for v in json.loads(out) if v["entity"] == "spend" and v["current"])

    code, out, _ = run(capsys, "ingest", "spend", str(path), "--by", "Sam")
    assert code == 0 and "published as version" in out
    code, out, _ = run(capsys, "versions", "--json")
    new = next(v for v in json.loads(out) if v["entity"] == "spend" and v["current"])
    assert new["published_by"] == "Sam" and new["id"] > old

    code, out, _ = run(capsys, "diff", str(old), str(new["id"]), "--json")
    spend = json.loads(out)["tables"]["spend"]
    assert spend["removed"] == [f"{removed['service_id']}/{removed['period']}"] and spend["added"] == []
    (change,) = spend["changed"]
    assert change["key"] == f"{first['service_id']}/{first['period']}"
    assert change["fields"]["actual_gbp"][1] == 1.0
    code, out, _ = run(capsys, "diff", str(old), str(new["id"]))
    assert "1 changed, 1 removed" in out and "~ " in out

    code, out, _ = run(capsys, "rollback", str(old))
    assert code == 0 and f"Version {old} is current again" in out
    code, out, _ = run(capsys, "versions", "--json")
    current = next(v for v in json.loads(out) if v["entity"] == "spend" and v["current"])
    assert current["restored_from"] == old
    code, out, _ = run(capsys, "diff", str(old), str(current["id"]))
    assert "no differences" in out


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_a_rejected_file_exits_1_writes_its_report_and_changes_nothing(env, capsys, tmp_path, suffix):
    _, before, _ = run(capsys, "versions", "--json")
    report = tmp_path / f"report{suffix}"
    code, out, _ = run(capsys, "ingest", "spend", str(BAD / "negative_budget.csv"), "--report", str(report))
    assert code == 1
    assert "ERROR negative_budget.csv row 2, budget_gbp='-250'" in out and "nothing published" in out
    assert report.exists() and "budget_gbp" in report.read_text(encoding="utf-8-sig")
    _, after, _ = run(capsys, "versions", "--json")
    assert after == before


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest", "nonsense", "x.csv"],
        ["ingest", "spend", "/no/such/file.csv"],
        ["ingest", "spend", str(BAD / "empty.csv"), "--report", "report.txt"],
        ["ingest"],
        ["diff", "1"],
        [],
    ],
)
def test_usage_errors_exit_2(env, capsys, argv):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2


def test_diff_of_different_entities_and_missing_versions_is_refused(env, capsys):
    assert run(capsys, "diff", "1", "2")[0] == 1
    assert run(capsys, "diff", "1", "999")[0] == 1
    assert run(capsys, "rollback", "999")[0] == 1


def test_an_oruk_file_publishes_services(env, capsys, tmp_path):
    service = {
        "id": "3f2b", "name": "Victim support helpline", "url": "https://example.org/help", "status": "active",
        "assured_date": "2026-09-30", "organization": {"id": "org-a", "name": "Support Org"},
        "funding": [{"source": "Mayor's Office for Policing and Crime"}], "service_areas": [{"name": "London"}],
        "service_at_locations": [{"location": {"id": "loc-a", "name": "Guildhall",
                                               "addresses": [{"postal_code": "EC2V 7HH"}]}}],
    }
    path = tmp_path / "oruk.json"
    path.write_text(json.dumps({"contents": [service], "total_items": 1}))
    code, out, _ = run(capsys, "ingest", "services", str(path), "--source-url", "https://directory.example.org/services")
    assert code == 0, out
    assert "published as version" in out
    code, out, _ = run(capsys, "versions", "--json")
    latest = json.loads(out)[0]
    assert latest["entity"] == "services" and latest["row_counts"]["service_area"] == 33


def test_suggestions_are_listed(env, capsys):
    from explorer.store.store import Store
    from explorer.store.suggestions import SuggestionBox

    box = SuggestionBox(Store.open(env.database_url), key="a-test-secret-key-of-some-length")
    assert box.submit("svc-x", "The phone number is wrong now.", "me@example.org", "", "10.0.0.1").kept
    code, out, _ = run(capsys, "suggestions")
    assert code == 0 and "svc-x" in out and "The phone number is wrong now." in out and "me@example.org" in out
    code, out, _ = run(capsys, "suggestions", "--json")
    assert json.loads(out)[0]["service_id"] == "svc-x"


def test_check_lists_what_is_due_or_stale_and_can_fail_for_cron(env, capsys):
    code, out, _ = run(capsys, "check", "--today", "2026-11-26", "--json")
    entries = json.loads(out)
    assert code == 0 and entries and all(e["band"] != "fresh" for e in entries)
    bands = [e["band"] for e in entries]
    assert bands == sorted(bands, key=["due", "stale", "never"].index, reverse=True)  # the oldest first
    code, out, _ = run(capsys, "check", "--today", "2026-11-26")
    assert "Fresh:" in out and ("Stale" in out or "Due for a check" in out)
    assert run(capsys, "check", "--today", "2026-11-26", "--fail-on", "due")[0] == 1
    assert run(capsys, "check", "--today", "2000-01-01", "--fail-on", "due")[0] == 0  # all checked "in the future"

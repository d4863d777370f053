"""Every registered format through `explorer ingest` and `explorer sync` (one path), under one size limit and one formula rule."""

from __future__ import annotations

import csv
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from openpyxl import Workbook

from explorer.cli import main
from explorer.ingest import registry
from explorer.store.store import Store

SRC = "https://www.london.gov.uk/mopac"
SERVICE = "svc-advance-female-offender-service"  # a service of the sample register
YEAR = [f"2024{m:02d}" for m in range(4, 13)] + [f"2025{m:02d}" for m in range(1, 4)]


def spend(title: str = SRC) -> bytes:
    return f"service_id,period,budget_gbp,actual_gbp,source_url,illustrative\n{SERVICE},2026-Q1,1000,900,{title},false\n".encode()


def oruk(name: str = "Victim support helpline") -> bytes:
    return json.dumps([{
        "id": "oruk-1", "name": name, "description": "Free support", "url": "https://example.org/help",
        "status": "active", "assured_date": "2026-09-30",
        "organization": {"id": "org-a", "name": "Support Org", "website": "https://example.org"},
        "funding": [{"source": "MOPAC Victims grant"}],
        "service_areas": [{"name": "Southwark"}],
        "attributes": [{"taxonomy_term": {"id": "victims", "name": "Victims and witnesses"}}],
    }]).encode()


def grants(programme: str = "Community Seed Fund") -> bytes:
    return json.dumps({"grants": [{
        "id": "360G-mopac-1", "title": "Youth project", "currency": "GBP", "amountAwarded": 20000, "awardDate": "2025-04-01",
        "fundingOrganization": [{"id": "GB-GOR-PC390", "name": "MOPAC"}], "dateModified": "2025-05-01",
        "grantProgramme": [{"code": "seed", "title": programme, "url": "https://example.org/seed"}],
        "beneficiaryLocation": [{"geoCode": "E09000028", "name": "Southwark"}],
    }]}).encode()


def find_a_grant(title: str = "Croydon summer fund") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["grantName", "grantFunder", "grantShortDescription", "grantApplicantType", "grantLocation",
                     "grantMaximumAward", "grantApplicationOpenDate", "grantApplicationCloseDate", "grantWebpageUrl"])
    writer.writerow([title, "VRU", "Holiday activities.", "Non-profit", "Croydon", "£25,000",
                     "2026-02-01T09:00", "2026-03-29T23:59", "https://example.org/croydon"])
    return out.getvalue().encode()


def find_a_grant_xlsx(title: str = "Enfield youth fund") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["grantName", "grantFunder", "grantLocation", "grantMaximumAward", "grantWebpageUrl"])
    sheet.append([title, "VRU", "Enfield", 50000, "https://example.org/enfield"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def met_crime(minor: str = "ROBBERY OF PERSONAL PROPERTY") -> bytes:
    lines = [",".join(["MajorText", "MinorText", "BoroughName", *YEAR])]
    for major, text, borough, count in (("ROBBERY", minor, "Southwark", 10),
                                        ("VIOLENCE AGAINST THE PERSON", "VIOLENCE WITH INJURY", "Westminster", 200)):
        lines.append(",".join([major, text, borough, *[str(count)] * len(YEAR)]))
    return ("\n".join(lines) + "\n").encode()


def notices(title: str = "Kitchen equipment for custody suites") -> bytes:
    return json.dumps({"version": "1.1", "releases": [{
        "ocid": "ocds-h6vhtk-every1", "id": "1", "date": "2026-01-10T10:00:00Z", "tag": ["award"],
        "initiationType": "tender", "buyer": {"id": "GB-PPON-PTMT-7816-YCQG", "name": "Mayor's Office for Policing and Crime"},
        "tender": {"id": "t1", "title": title, "value": {"amount": 1000, "currency": "GBP"}},
        "links": [{"rel": "canonical", "href": "https://www.find-tender.service.gov.uk/Notice/000001-2026"}],
    }]}).encode()


#: format name, entity, file name, good content, the same with a formula where a value belongs.
CASES = [
    ("table", "spend", "spend.csv", spend(), spend("=HYPERLINK(\"http://x\")")),
    ("oruk", "services", "services.json", oruk(), oruk("=1+2")),
    ("360giving", "opportunities", "grants.json", grants(), grants("@SUM(A1)")),
    ("find-a-grant", "opportunities", "grants.csv", find_a_grant(), find_a_grant("=cmd|'/c calc'!A1")),
    ("find-a-grant", "opportunities", "grants.xlsx", find_a_grant_xlsx(), find_a_grant_xlsx("=SUM(1,2)")),
    ("met-crime", "crime", "crime.csv", met_crime(), met_crime("=1+2")),
    ("ocds", "contracts", "notices.json", notices(), notices("=1+2")),
]
IDS = [f"{c[0]}-{c[2]}" for c in CASES]


@pytest.fixture()
def env(sample_settings, monkeypatch):
    monkeypatch.setenv("EXPLORER_DATABASE_URL", sample_settings.database_url)
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(sample_settings.data_dir))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(sample_settings.cache_dir))
    return sample_settings


@pytest.fixture()
def served():
    """A local HTTP server: path -> bytes, put in by the test."""
    files: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server name)
            body = files.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def put(name: str, body: bytes) -> str:
        files["/" + name] = body
        return f"http://127.0.0.1:{httpd.server_address[1]}/{name}"

    yield put
    httpd.shutdown()
    httpd.server_close()


def current(settings, entity):
    store = Store.open(settings.store_url)
    try:
        return store.current_versions().get(entity)
    finally:
        store.dispose()


@pytest.mark.parametrize("fmt, entity, name, good, _formula", CASES, ids=IDS)
def test_the_registry_sniffs_each_format(tmp_path, fmt, entity, name, good, _formula):
    path = tmp_path / name
    path.write_bytes(good)
    assert registry.choose(entity, path).name == fmt


@pytest.mark.parametrize("fmt, entity, name, good, _formula", CASES, ids=IDS)
def test_each_format_publishes_through_ingest(env, tmp_path, capsys, fmt, entity, name, good, _formula):
    path = tmp_path / name
    path.write_bytes(good)
    before = current(env, entity)
    assert main(["ingest", entity, str(path), "--json"]) == 0, capsys.readouterr().out
    out = json.loads(capsys.readouterr().out)
    assert out["format"] in (fmt, "csv") and out["version"] and current(env, entity) == out["version"] != before


@pytest.mark.parametrize("fmt, entity, name, good, _formula", CASES, ids=IDS)
def test_each_format_publishes_through_sync(env, served, capsys, fmt, entity, name, good, _formula):
    url = served(name, good)
    before = current(env, entity)
    assert main(["sync", url, entity]) == 0, capsys.readouterr().out
    assert "published as version" in capsys.readouterr().out
    assert current(env, entity) != before


@pytest.mark.parametrize("fmt, entity, name, _good, formula", CASES, ids=IDS)
def test_the_one_formula_rule_refuses_a_formula_in_every_format(env, tmp_path, served, capsys,
                                                                 fmt, entity, name, _good, formula):
    path = tmp_path / name
    path.write_bytes(formula)
    before = current(env, entity)
    assert main(["ingest", entity, str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert any("not a spreadsheet formula" in p["rule"] for p in report["problems"]), report["problems"]
    assert main(["sync", served(name, formula), entity]) == 1
    assert "not a spreadsheet formula" in capsys.readouterr().out
    assert current(env, entity) == before


@pytest.mark.parametrize("fmt, entity, name, good, _formula", CASES, ids=IDS)
def test_the_one_size_limit_applies_to_every_format(env, tmp_path, served, monkeypatch, capsys,
                                                     fmt, entity, name, good, _formula):
    path = tmp_path / name
    path.write_bytes(good)
    monkeypatch.setenv("EXPLORER_MAX_INGEST_MB", str((len(good) - 1) / (1024 * 1024)))
    before = current(env, entity)
    assert main(["ingest", entity, str(path)]) == 1
    assert "over the limit" in capsys.readouterr().out
    assert main(["sync", served(name, good), entity]) == 1
    assert "over the limit" in capsys.readouterr().out
    assert current(env, entity) == before


def test_several_files_are_for_the_crime_format_only(env, tmp_path, capsys):
    path = tmp_path / "spend.csv"
    path.write_bytes(spend())
    assert main(["ingest", "spend", str(path), str(path)]) == 2
    assert "only MPS crime files" in capsys.readouterr().err


def test_a_forced_format_for_the_wrong_entity_is_refused(env, tmp_path, capsys):
    path = tmp_path / "services.json"
    path.write_bytes(oruk())
    assert main(["ingest", "spend", str(path), "--format", "oruk"]) == 1
    assert "is Open Referral UK data, which loads as services" in capsys.readouterr().out

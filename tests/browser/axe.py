"""Runs axe-core (the npm package, fetched by scripts/ensure-axe.sh) in the page under test."""

from __future__ import annotations

from pathlib import Path

from explorer.settings import ROOT

AXE = ROOT / ".cache" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.2 A and AA, as UK public sector sites must meet.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(driver) -> list[dict]:
    """The page's WCAG 2.2 A/AA violations, each with its rule, impact and offending nodes."""
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: run `make browser-deps` (scripts/ensure-axe.sh)")
    driver.execute_script(Path(AXE).read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        TAGS,
    )
    return [
        {"id": v["id"], "impact": v.get("impact"), "help": v["help"],
         "nodes": [n.get("target") for n in v.get("nodes", [])][:5]}
        for v in result
    ]

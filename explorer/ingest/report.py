"""Ingest layer: a validation report as terminal text, JSON or CSV (row, field, value, rule for every problem)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Mapping

from explorer.domain.problems import ValidationReport
from explorer.domain.tabular import csv_cell

COLUMNS = ("level", "file", "row", "field", "value", "rule")
REPORT_SUFFIXES = (".json", ".csv")


def report_lines(
    entity: str,
    report: ValidationReport,
    *,
    version_id: int | None,
    dry_run: bool = False,
    unchanged: bool = False,
    limit: int = 200,
    notes: tuple[str, ...] = (),
) -> list[str]:
    """The report as lines for a terminal: each problem, then one summary line.

    Args:
        entity: The entity loaded.
        report: The report.
        version_id: The version published, if any.
        dry_run: Whether this was a dry run.
        unchanged: Whether nothing was published because nothing changed.
        limit: Problems shown before "... and N more" (the report file has them all).
        notes: Extra sentences to print before the summary.
    """
    lines = [p.as_text() for p in report.problems[:limit]]
    if len(report.problems) > limit:
        lines.append(f"... and {len(report.problems) - limit} more problems (write them all with --report FILE.csv)")
    lines.extend(notes)
    counts = ", ".join(f"{t} {n}" for t, n in report.row_counts.items()) or "no rows read"
    if not report.ok:
        lines.append(f"{entity}: rejected, {len(report.errors)} errors, {len(report.warnings)} warnings; "
                     f"nothing published ({counts}).")
    elif dry_run:
        lines.append(f"{entity}: valid ({len(report.warnings)} warnings); dry run, nothing published ({counts}).")
    elif unchanged:
        lines.append(f"{entity}: same as the current version; nothing published ({counts}).")
    else:
        lines.append(f"{entity}: published as version {version_id} ({len(report.warnings)} warnings; {counts}).")
    return lines


def write_report(report: ValidationReport, path: Path, *, extra: Mapping[str, Any] | None = None) -> None:
    """Writes the report to ``path``: JSON (``.json``, with ``extra`` fields) or CSV (``.csv``, one problem a row).

    Raises:
        ValueError: The file name ends in neither .json nor .csv.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        path.write_text(json.dumps({**dict(extra or {}), **report.as_dict()}, indent=2, ensure_ascii=False), encoding="utf-8")
    elif suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for p in report.problems:
                writer.writerow([csv_cell(v) for v in (p.level, p.file, p.row, p.field, p.value, p.rule)])
    else:
        raise ValueError(f"a report file must end in .json or .csv, not {path.name}")

"""Domain layer: validation problems and reports, named by row, field, value and rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one value of an input file.

    Attributes:
        file: The file (or table) the row came from.
        row: The 1-based data row number as a spreadsheet user sees it (header is row 1).
        field: The column name.
        value: The offending value, as text (shortened when long).
        rule: What the value should have been, in plain English.
        level: ``error`` blocks a publish; ``warning`` is reported but publishes.
    """

    file: str
    row: int
    field: str
    value: str
    rule: str
    level: Level = "error"

    def as_text(self) -> str:
        """Renders the problem as one line for a terminal."""
        return f"{self.level.upper()} {self.file} row {self.row}, {self.field}={self.value!r}: {self.rule}"


@dataclass(frozen=True)
class ValidationReport:
    """Every problem found in one input, and how many rows each table had."""

    problems: tuple[Problem, ...] = ()
    row_counts: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that block a publish."""
        return tuple(p for p in self.problems if p.level == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Problems that are reported but do not block a publish."""
        return tuple(p for p in self.problems if p.level == "warning")

    @property
    def ok(self) -> bool:
        """True when nothing blocks a publish."""
        return not self.errors

    def as_dict(self) -> dict:
        """A JSON-ready form of the report."""
        return {
            "ok": self.ok,
            "row_counts": dict(self.row_counts),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [
                {
                    "file": p.file,
                    "row": p.row,
                    "field": p.field,
                    "value": p.value,
                    "rule": p.rule,
                    "level": p.level,
                }
                for p in self.problems
            ],
        }


def shorten(value: object, limit: int = 80) -> str:
    """Returns a value as text, cut to ``limit`` characters with an ellipsis."""
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Unit tests: no block of six or more lines is written twice in the app's code (migrations aside).

Pylint's ``symilar`` finds blocks repeated line for line (comments, docstrings, imports and
signatures left out). Blocks of the same shape with other names (a loop pasted and renamed) it
does not see; the house's ``duplicates`` tool does, but it is not on PyPI, so it cannot run here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYMILAR = Path(sys.executable).parent / "symilar"
MIN_LINES = 6


def _symilar(files: list[Path]) -> str:
    result = subprocess.run(
        [str(SYMILAR), "-d", str(MIN_LINES), "--ignore-comments", "--ignore-docstrings", "--ignore-imports",
         "--ignore-signatures", *map(str, files)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return result.stdout


def _duplicated_lines(report: str) -> int:
    return int(re.search(r"duplicates=(\d+)", report).group(1))


def test_no_block_of_six_lines_is_repeated():
    files = [p for p in sorted([*(ROOT / "explorer").rglob("*.py"), *(ROOT / "callbacks").rglob("*.py")])
             if "migrations" not in p.parts]
    report = _symilar(files)
    assert _duplicated_lines(report) == 0, report


def test_the_check_sees_a_repeated_block(tmp_path):
    block = "".join(f"    total = total * {n} + len(rows[{n}])\n" for n in range(MIN_LINES))
    for name in ("a", "b"):
        (tmp_path / f"{name}.py").write_text(f"def {name}(rows):\n    total = 0\n{block}    return total\n")
    assert _duplicated_lines(_symilar([tmp_path / "a.py", tmp_path / "b.py"])) >= MIN_LINES

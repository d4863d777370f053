"""Unit tests: the layers hold (layout draws view models and never sees the store or the provider)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPLORER = ROOT / "explorer"
#: Packages split one module per screen; each module stays small enough to read in one go.
SPLIT_PACKAGES = ("pages", "layout/performance", "services/performance", "services/funding", "templates")
MAX_LINES = 500


def _modules(folder: str) -> list[Path]:
    return sorted((EXPLORER / folder).rglob("*.py"))


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", _modules("layout"), ids=lambda p: str(p.relative_to(EXPLORER)))
def test_layout_never_imports_the_store(path):
    assert not [m for m in _imports(path) if _within(m, ("explorer.store",))]


@pytest.mark.parametrize("path", _modules("layout"), ids=lambda p: str(p.relative_to(EXPLORER)))
def test_layout_never_takes_the_provider(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    takers = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and any(a.arg == "provider" for a in node.args.args + node.args.kwonlyargs)
    ]
    assert takers == []


@pytest.mark.parametrize("path", _modules("domain"), ids=lambda p: str(p.relative_to(EXPLORER)))
def test_domain_imports_no_dash_store_or_services(path):
    banned = ("dash", "flask", "explorer.store", "explorer.services", "explorer.layout", "explorer.pages")
    assert not [m for m in _imports(path) if _within(m, banned)]


@pytest.mark.parametrize("path", _modules("pages"), ids=lambda p: str(p.relative_to(EXPLORER)))
def test_pages_never_build_components(path):
    assert not [m for m in _imports(path) if _within(m, ("dash", "explorer.layout"))]


@pytest.mark.parametrize(
    "path", [p for folder in SPLIT_PACKAGES for p in _modules(folder)], ids=lambda p: str(p.relative_to(EXPLORER))
)
def test_split_modules_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


_HELD = [*EXPLORER.rglob("*.py"), *(ROOT / "callbacks").rglob("*.py")]
#: Every module but the migrations (frozen history); none is let off the limit.
_EVERY_MODULE = sorted(p for p in _HELD if p.parent.name != "versions")


@pytest.mark.parametrize("path", _EVERY_MODULE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_500_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES

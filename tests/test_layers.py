"""The direction of imports (DESIGN.md, "Layers and modules").

The core never formats: ``import anninh_toandan`` loads neither babel nor
jinja2, and no module imports from a layer above its own.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "anninh_toandan"

#: Layers from the bottom up; a module may import only from its own layer or below.
LAYERS: dict[str, int] = {
    "errors": 0,
    "values": 1,
    "measures": 2,
    "domain": 3,
    "language": 4,
    "exchange": 5,
    "store": 6,
    "reports": 7,
    "shell": 8,
}

#: Which layer each module (or package) belongs to.
MODULE_LAYER: dict[str, str] = {
    "errors": "errors",
    "_checks": "values",
    "_files": "errors",
    "quantity": "values",
    "period": "values",
    "orgunit": "values",
    "divisions": "values",
    "indicator": "measures",
    "figures": "measures",
    "rules": "measures",
    "aggregate": "measures",
    "programme": "domain",
    "activity": "domain",
    "security_model": "domain",
    "tip": "domain",
    "charity": "domain",
    "review": "domain",
    "__init__": "domain",  # the package's face re-exports the core, nothing above it
    "formatting": "language",
    "parsing": "language",
    "scan": "language",
    "io": "exchange",
    "store": "store",
    "reports": "reports",
    "cli": "shell",
    "_cli_store": "shell",
    "__main__": "shell",
    "datasets": "shell",
}

#: The lowest layer allowed to import each third-party package that is not core.
THIRD_PARTY_FLOOR = {
    "babel": "language",
    "jinja2": "reports",
    "docx": "reports",
    "openpyxl": "exchange",
    "duckdb": "store",
    "psycopg": "store",
}


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py"))


def _top(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text("utf-8"))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import at line {node.lineno}"
            assert node.module is not None
            found.append((node.module, node.lineno))
    return found


def test_every_module_has_a_layer() -> None:
    unknown = sorted({_top(p) for p in _modules()} - set(MODULE_LAYER))
    assert not unknown, f"modules without a layer in tests/test_layers.py: {unknown}"


def _violations(own: str, imports: list[tuple[str, int]]) -> list[str]:
    """The imports that a module of layer *own* must not make."""
    found = []
    for name, line in imports:
        parts = name.split(".")
        if parts[0] == "anninh_toandan" and len(parts) > 1:
            other = MODULE_LAYER[parts[1]]
            if LAYERS[other] > LAYERS[own]:
                found.append(f"line {line} ({own}) imports {name} ({other}), a layer above")
        elif parts[0] == "anninh_toandan" and own not in ("shell", "reports", "exchange", "language"):
            found.append(f"line {line} ({own}) imports the package itself")
        floor = THIRD_PARTY_FLOOR.get(parts[0])
        if floor is not None and LAYERS[own] < LAYERS[floor]:
            found.append(f"line {line} ({own}) imports {name}")
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_from_a_layer_above_its_own(path: Path) -> None:
    assert _violations(MODULE_LAYER[_top(path)], _imports(path)) == []


def test_importing_the_package_loads_neither_babel_nor_jinja2() -> None:
    code = (
        "import sys, anninh_toandan\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('babel', 'jinja2'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_layer_check_catches_upward_imports(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import babel\nfrom anninh_toandan.formatting import format_number\nimport anninh_toandan\n"
        "from anninh_toandan.errors import AnninhError\n",
        "utf-8",
    )
    assert _violations("values", _imports(bad)) == [
        "line 1 (values) imports babel",
        "line 2 (values) imports anninh_toandan.formatting (language), a layer above",
        "line 3 (values) imports the package itself",
    ]
    assert _violations("shell", _imports(bad)) == []

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
    "_validity": "values",
    "_lazy": "errors",
    "_files": "errors",
    "quantity": "values",
    "period": "values",
    "orgunit": "values",
    "divisions": "values",
    "indicator": "measures",
    "figures": "measures",
    "_columns": "measures",
    "_rules_columns": "measures",
    "rules": "measures",
    "aggregate": "measures",
    "results": "measures",
    "ratios": "measures",
    "rollup": "measures",
    "restructure": "measures",
    "programme": "domain",
    "activity": "domain",
    "security_model": "domain",
    "tip": "domain",
    "charity": "domain",
    "review": "domain",
    "__init__": "domain",  # the package's face re-exports the core, nothing above it
    "formatting": "language",
    "_vocabulary": "language",
    "_reader": "language",
    "parsing": "language",
    "scan": "language",
    "io": "exchange",
    "store": "store",
    "reports": "reports",
    "cli": "shell",
    "_cli_store": "shell",
    "_problems_vi": "shell",
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


def _loaded_after(code: str) -> set[str]:
    """The modules of the library, babel and jinja2 loaded after running *code* in a fresh interpreter."""
    probe = f"import sys\n{code}\nprint(','.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {m for m in out.stdout.strip().split(",") if m.split(".")[0] in ("anninh_toandan", "babel", "jinja2")}


def test_importing_the_package_loads_none_of_its_modules() -> None:
    loaded = _loaded_after("import anninh_toandan")
    assert loaded == {"anninh_toandan", "anninh_toandan._lazy"}  # the lazy namespace itself: no domain module
    for heavy in ("rules", "rollup", "review", "figures", "aggregate", "indicator", "orgunit"):
        assert f"anninh_toandan.{heavy}" not in loaded


def test_one_name_loads_only_the_modules_it_needs() -> None:
    loaded = _loaded_after("from anninh_toandan import Period, Quantity")
    assert {"anninh_toandan.period", "anninh_toandan.quantity"} <= loaded
    assert not loaded & {"anninh_toandan.rules", "anninh_toandan.rollup", "anninh_toandan.review"}


@pytest.mark.parametrize("argv", [["--help"], ["report", "--help"], ["validate", "--help"], ["scan", "--help"]])
def test_the_commands_help_imports_neither_reports_nor_io(argv: list[str]) -> None:
    code = "from anninh_toandan.cli import main\nimport contextlib, io\n"
    code += f"with contextlib.redirect_stdout(io.StringIO()):\n    assert main({argv!r}) == 0"
    loaded = _loaded_after(code)
    assert loaded == {"anninh_toandan", "anninh_toandan._lazy", "anninh_toandan.cli", "anninh_toandan.errors"}


def test_the_commands_report_formats_are_the_reports_formats() -> None:
    from anninh_toandan import cli, reports

    assert cli.FORMATS == reports.FORMATS


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


# -- the import graph ------------------------------------------------------------------------


def import_graph(paths: list[Path], root: Path = SRC, package: str = "anninh_toandan") -> dict[str, set[str]]:
    """Each module's imports of the package's modules, at module level and inside functions alike.

    ``from anninh_toandan.x import y`` is an edge to ``x.y`` when that is a
    module, else to ``x``; ``import anninh_toandan`` and ``from anninh_toandan
    import y`` are edges to the package's ``__init__`` (or to the module ``y``).
    """
    modules = {_module_name_under(p, root) for p in paths}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for path in paths:
        own = _module_name_under(path, root)
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module is not None:
                targets = [f"{node.module}.{a.name}" for a in node.names] or [node.module]
            for dotted in targets:
                parts = dotted.split(".")
                if parts[0] != package:
                    continue
                inner = parts[1:]
                # the longest prefix that names a module: the module itself, or the one holding the name
                while inner and ".".join(inner) not in modules:
                    inner.pop()
                graph[own].add(".".join(inner) if inner else "__init__")
        graph[own].discard(own)
    return graph


def _module_name_under(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) or "__init__"


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A circle in *graph* as the list of its modules (first one repeated at the end), or ``None``."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found is not None:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found is not None:
                return found
    return None


def _is_module(root: Path, name: str) -> bool:
    return (root / f"{name}.py").is_file() or (root / name / "__init__.py").is_file()


def private_imports(paths: list[Path], root: Path = SRC, package: str = "anninh_toandan") -> list[str]:
    """Private names (``_x``) imported from another top-level module or package of the library."""
    found = []
    for path in paths:
        own_top = path.relative_to(root).parts[0].removesuffix(".py")
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == package:
                parts = node.module.split(".")
                top = parts[1] if len(parts) > 1 else "__init__"
                for alias in node.names:
                    if node.module == package and _is_module(root, alias.name):
                        continue  # an internal module (``from anninh_toandan import _vocabulary``), not a private name
                    if alias.name.startswith("_") and not alias.name.startswith("__") and top != own_top:
                        found.append(f"{path.name}: from {node.module} import {alias.name}")
    return found


def test_the_import_graph_has_no_circle() -> None:
    assert find_cycle(import_graph(_modules())) is None


def test_no_private_name_is_imported_across_modules() -> None:
    assert private_imports(_modules()) == []


def test_the_circle_check_catches_a_circle(tmp_path: Path) -> None:
    pkg = tmp_path / "anninh_toandan"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", "utf-8")
    (pkg / "a.py").write_text("from anninh_toandan.b import thing\n", "utf-8")
    (pkg / "b.py").write_text("def f():\n    from anninh_toandan.sub import c  # a lazy import\n", "utf-8")
    (pkg / "sub" / "__init__.py").write_text("", "utf-8")
    (pkg / "_internal.py").write_text("", "utf-8")  # an internal module may be imported by name
    (pkg / "sub" / "c.py").write_text(
        "import anninh_toandan.a\nfrom anninh_toandan import _hidden, _internal\n", "utf-8"
    )
    paths = sorted(pkg.rglob("*.py"))
    graph = import_graph(paths, pkg)
    assert graph["b"] == {"sub.c"} and graph["sub.c"] == {"a", "__init__", "_internal"}
    assert find_cycle(graph) == ["a", "b", "sub.c", "a"]
    (pkg / "b.py").write_text("def f():\n    pass\n", "utf-8")
    assert find_cycle(import_graph(paths, pkg)) is None
    assert private_imports(paths, pkg) == ["c.py: from anninh_toandan import _hidden"]

"""The package's face: every public name importable from ``anninh_toandan``, each on first use.

``import anninh_toandan`` imports none of the library's modules; a public name
(``from anninh_toandan import Review``, ``anninh_toandan.Review``) imports its
module when it is first used (PEP 562). Type checkers read the imports under
``TYPE_CHECKING`` instead, so they must name the same objects.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import anninh_toandan

INIT = Path(anninh_toandan.__file__)


def _fresh(code: str) -> str:
    """What *code* prints in a fresh interpreter."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def _type_checking_imports(init: Path = INIT) -> dict[str, str]:
    """Each name the ``if TYPE_CHECKING:`` block of an ``__init__.py`` imports, and the module it comes from."""
    tree = ast.parse(init.read_text("utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    found: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom) and node.module is not None
        for alias in node.names:
            assert alias.asname is None
            found[alias.name] = node.module
    return found


def test_all_is_a_static_list_that_tools_read_without_importing() -> None:
    tree = ast.parse(INIT.read_text("utf-8"))
    (node,) = (n for n in tree.body if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "__all__")
    assert ast.literal_eval(node.value) == anninh_toandan.__all__
    assert len(set(anninh_toandan.__all__)) == len(anninh_toandan.__all__)


@pytest.mark.parametrize("name", anninh_toandan.__all__)
def test_every_public_name_resolves(name: str) -> None:
    value = getattr(anninh_toandan, name)
    assert value is not None
    namespace: dict[str, object] = {}
    exec(f"from anninh_toandan import {name}", namespace)
    assert namespace[name] is value


def test_type_checkers_see_every_public_name_as_the_same_object() -> None:
    seen = _type_checking_imports()
    assert set(seen) == set(anninh_toandan.__all__) - {"__version__"}
    for name, module in seen.items():
        assert getattr(importlib.import_module(module), name) is getattr(anninh_toandan, name), name


def test_a_fresh_import_imports_none_of_the_library_modules() -> None:
    code = (
        "import sys, anninh_toandan\nprint(','.join(sorted(m for m in sys.modules if m.startswith('anninh_toandan'))))"
    )
    assert _fresh(code) == "anninh_toandan,anninh_toandan._lazy"  # the lazy namespace's own few lines


def test_a_name_imports_only_its_own_module_and_what_that_needs() -> None:
    code = (
        "import sys\nfrom anninh_toandan import Quantity\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('anninh_toandan.'))))"
    )
    loaded = set(_fresh(code).split(","))
    assert "anninh_toandan.quantity" in loaded
    assert not loaded & {"anninh_toandan.rules", "anninh_toandan.review", "anninh_toandan.rollup"}


def test_star_import_gives_every_public_name() -> None:
    code = (
        "from anninh_toandan import *\nimport anninh_toandan\n"
        "print(all(globals()[n] is getattr(anninh_toandan, n) for n in anninh_toandan.__all__))"
    )
    assert _fresh(code) == "True"


def test_dir_lists_the_public_names_before_they_are_imported() -> None:
    code = "import anninh_toandan\nprint(','.join(n for n in dir(anninh_toandan) if not n.startswith('_')))"
    listed = _fresh(code).split(",")
    assert set(anninh_toandan.__all__) - {"__version__"} <= set(listed)
    assert listed == sorted(listed)
    assert "__version__" in dir(anninh_toandan)


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Reveiw'"):
        anninh_toandan.Reveiw  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(ImportError, match="Reveiw"):
        exec("from anninh_toandan import Reveiw", {})
    assert not hasattr(anninh_toandan, "Reveiw")


def test_a_name_is_kept_in_the_package_once_imported() -> None:
    review = anninh_toandan.Review
    assert vars(anninh_toandan)["Review"] is review


# -- the io package is lazy too ---------------------------------------------------------------------


def test_io_lists_its_names_statically_and_each_resolves_to_its_module_s_object() -> None:
    import anninh_toandan.io as io

    init = Path(io.__file__)
    tree = ast.parse(init.read_text("utf-8"))
    (node,) = (n for n in tree.body if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "__all__")
    assert ast.literal_eval(node.value) == io.__all__
    seen = _type_checking_imports(init)
    assert set(seen) == set(io.__all__)
    for name, module in seen.items():
        assert getattr(importlib.import_module(module), name) is getattr(io, name), name
    assert set(io.__all__) <= set(dir(io))
    with pytest.raises(AttributeError, match=r"'anninh_toandan\.io' has no attribute 'laods'"):
        io.laods  # type: ignore[attr-defined]  # noqa: B018


def test_a_json_user_of_io_loads_neither_the_workbook_nor_the_table_readers() -> None:
    code = (
        "import sys\nimport anninh_toandan.io\n"
        "bare = sorted(m for m in sys.modules if m.startswith('anninh_toandan.'))\n"
        "from anninh_toandan.io import loads\n"
        "print(','.join(bare) + ';' + ','.join(sorted(m for m in sys.modules if m.startswith('anninh_toandan.io.'))))"
    )
    bare, loaded = _fresh(code).split(";")
    assert bare == "anninh_toandan._lazy,anninh_toandan.io"
    assert "anninh_toandan.io.json" in loaded.split(",")
    assert not set(loaded.split(",")) & {"anninh_toandan.io.excel", "anninh_toandan.io.frames", "anninh_toandan.io.csv"}

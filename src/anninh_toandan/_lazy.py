"""Lazy package namespaces (PEP 562), shared by the package and :mod:`anninh_toandan.io` (internal).

A package lists its public names in ``__all__`` and the module of each in a
table; :func:`lazy_namespace` gives it the module-level ``__getattr__`` that
imports the module on first use and keeps the name in the package, and the
``__dir__`` that lists the public names. The package keeps the eager imports
under ``if TYPE_CHECKING:`` so that type checkers and editors see every name.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence

__all__ = ["lazy_namespace"]


def lazy_namespace(
    package: str, module_of: Mapping[str, str], public: Sequence[str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for *package*, whose public name *n* lives in ``package + "." + module_of[n]``.

    >>> get, names = lazy_namespace("anninh_toandan", {"Period": "period"}, ["Period"])
    >>> get("Period").__name__, "Period" in names()
    ('Period', True)
    >>> get("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'anninh_toandan' has no attribute 'nothing'
    """

    def __getattr__(name: str) -> object:
        module = module_of.get(name)
        if module is None:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        vars(sys.modules[package])[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *public})

    return __getattr__, __dir__

"""What importing the library costs: ``import anninh_toandan`` against ``import attrs, pendulum``.

Run with ``python benchmarks/import_time.py`` (``ANNINH_IMPORT_RUNS`` sets the
number of fresh interpreters per measure, default 21). Every measure runs in a
fresh interpreter (``sys.executable``, with the same environment), after one
discarded warm-up run so that the bytecode caches exist and the files are in
the page cache; the medians are printed.

* **import CPU**: ``time.process_time()`` around the ``import`` statement, in
  the child (the interpreter's own start-up excluded), for
  ``import anninh_toandan``, ``import attrs, pendulum`` (the two packages whose
  import the library cannot avoid) and their difference;
* **what each kind of user pays**: the CPU of importing the names a user
  needs (``from anninh_toandan import Review`` and the like), after attrs and
  pendulum, since the package's namespace is lazy (each name imports its
  module on first use);
* **cold start**: the whole child's CPU (user + system, from
  ``resource.getrusage(RUSAGE_CHILDREN)``) for ``python -m anninh_toandan
  --help`` and ``report --help`` next to ``python -c pass``;
* **where the time goes**: the CPU of each module's own code, and
  ``python -X importtime``, the median self time of each module over the
  runs, the library's modules and the other packages (summed by top-level
  package) sorted by cost.

The children run with bytecode caches written and read, as an installed
package has them: ``PYTHONDONTWRITEBYTECODE`` is removed from their
environment, since with it every import of the library would compile its
source again (the packages installed by pip have their caches already).

CPU times on a shared machine are noisy; compare medians from one run of the
script, not across runs.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
from collections import defaultdict

RUNS = int(os.environ.get("ANNINH_IMPORT_RUNS", "21"))
#: The children's environment: bytecode caches on, as for an installed package (see above).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
PROBE = "import time; t = time.process_time(); {stmt}; print(time.process_time() - t)"


def import_cpu(stmt: str, runs: int = RUNS) -> float:
    """Median CPU seconds of *stmt* (an import) in a fresh interpreter."""
    out = []
    for i in range(runs + 1):
        res = subprocess.run(
            [sys.executable, "-c", PROBE.format(stmt=stmt)], capture_output=True, text=True, check=True, env=ENV
        )
        if i:  # the first run warms the caches
            out.append(float(res.stdout))
    return statistics.median(out)


def process_cpu(args: list[str], runs: int = RUNS) -> float:
    """Median CPU seconds (user + system) of a whole child process running *args*."""
    out = []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(args, capture_output=True, check=True, env=ENV)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            out.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(out)


def importtime(stmt: str, runs: int) -> dict[str, tuple[float, float]]:
    """Median (self, cumulative) import time in ms of every module that *stmt* imports (``-X importtime``)."""
    self_us: dict[str, list[int]] = defaultdict(list)
    cum_us: dict[str, list[int]] = defaultdict(list)
    for i in range(runs + 1):
        res = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", stmt], capture_output=True, text=True, check=True, env=ENV
        )
        if not i:
            continue
        for line in res.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, cumulative, name = line[len("import time:") :].split("|")
            self_us[name.strip()].append(int(own))
            cum_us[name.strip()].append(int(cumulative))
    return {name: (statistics.median(self_us[name]) / 1000, statistics.median(cum_us[name]) / 1000) for name in self_us}


# A meta-path finder that times each module's execution in CPU seconds, its own imports excluded.
PROFILE = """
import importlib.machinery, json, sys, time

own, stack = {}, []


class Timed(importlib.machinery.PathFinder):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        loader = getattr(spec, "loader", None)
        if loader is None or not hasattr(loader, "exec_module") or isinstance(loader, type):
            return spec
        run = loader.exec_module

        def exec_module(module):
            stack.append(0.0)
            t = time.process_time()
            try:
                run(module)
            finally:
                spent = time.process_time() - t
                inner = stack.pop()
                own[name] = own.get(name, 0.0) + spent - inner
                if stack:
                    stack[-1] += spent

        loader.exec_module = exec_module
        return spec


sys.meta_path.insert(sys.meta_path.index(importlib.machinery.PathFinder), Timed)
t = time.process_time()
__import__(sys.argv[1])
own["(everything)"] = time.process_time() - t
print(json.dumps(own))
"""
# What a user pays for the names they import, after attrs and pendulum (the package's namespace is lazy).
USER = """
import sys, time
import attrs, pendulum
t = time.process_time()
exec(sys.argv[1])
print(time.process_time() - t)
"""
USERS = {
    "Quantity and Period": "from anninh_toandan import Period, Quantity",
    "figures and roll-ups": "from anninh_toandan import FigureSet, Hierarchy, Rollup",
    "a review and its rules": "from anninh_toandan import STANDARD_RULES, Review",
    "files (io: JSON, TOML, CSV)": "from anninh_toandan.io import loads",
    "reports (jinja2, babel)": "from anninh_toandan.reports import build_report",
}
ATTRS_PROBE = """
import time, attrs
from attrs import field, frozen
def check(_i, _a, v):
    if not isinstance(v, str):
        raise TypeError(v)
t = time.process_time()
for i in range(40):
    @frozen(kw_only=True)
    class C:
        a: str = field(validator=check)
        b: int = 0
        c: int | None = None
        d: tuple[str, ...] = field(default=(), converter=tuple)
        e: str = ""
print((time.process_time() - t) / 40)
"""
RE_PROBE = """
import re, time
t = time.process_time()
for i in range(40):
    re.compile(r"^(?P<y>\\d{4})(?:S(?P<h%d>[12])|Q(?P<q>[1-4])|(?P<m>\\d{2}))?$" % i)
print((time.process_time() - t) / 40)
"""


def cpu_profile(module: str, runs: int) -> dict[str, float]:
    """Median CPU seconds each module's own code takes when *module* is imported (imports it makes excluded)."""
    import json

    got: dict[str, list[float]] = defaultdict(list)
    for i in range(runs + 1):
        res = subprocess.run(
            [sys.executable, "-c", PROFILE, module], capture_output=True, text=True, check=True, env=ENV
        )
        if i:
            for name, secs in json.loads(res.stdout).items():
                got[name].append(secs)
    return {name: statistics.median(v) for name, v in got.items()}


def show(times: dict[str, float], scale: float, unit: str) -> None:
    """Print the library's modules, then the other packages summed by top-level name, most costly first."""
    ours = sorted(((n, t) for n, t in times.items() if n.startswith("anninh_toandan")), key=lambda x: -x[1])
    others: dict[str, float] = defaultdict(float)
    for n, t in times.items():
        if not n.startswith(("anninh_toandan", "(")):
            others[n.split(".")[0]] += t
    print(f"  the library's modules, own time ({sum(t for _, t in ours) * scale:.1f} {unit} in all):")
    for name, t in ours[:12]:
        print(f"    {name:<44}{t * scale:8.1f} {unit}")
    print(f"  other packages, own time summed by top-level name ({sum(others.values()) * scale:.1f} {unit} in all):")
    for name, t in sorted(others.items(), key=lambda x: -x[1])[:10]:
        print(f"    {name:<44}{t * scale:8.1f} {unit}")


def probe(code: str, runs: int) -> float:
    """Median of the number a probe script prints, over fresh interpreters."""
    return probe_args(code, [], runs)


def probe_args(code: str, args: list[str], runs: int) -> float:
    """Median of the number a probe script run with *args* prints, over fresh interpreters."""
    out = []
    for i in range(runs + 1):
        res = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=ENV)
        if i:
            out.append(float(res.stdout))
    return statistics.median(out)


def main() -> None:
    print(f"medians of {RUNS} fresh interpreters (one warm-up run discarded); CPU seconds, a shared machine: noisy")
    library = import_cpu("import anninh_toandan")
    base = import_cpu("import attrs, pendulum")
    both = probe_args(USER, ["import anninh_toandan"], RUNS)  # timed alone, after attrs and pendulum
    print("\nimport CPU (time.process_time around the import statement):")
    print(f"  import attrs, pendulum            {base * 1000:8.1f} ms")
    print(f"  import anninh_toandan             {library * 1000:8.1f} ms")
    print(f"  ... after attrs and pendulum      {both * 1000:8.1f} ms more")
    print(f"  ratio library / (attrs, pendulum) {library / base:8.2f}")

    print("\nwhat each kind of user pays: CPU of the names they import, after attrs and pendulum:")
    for user, stmt in USERS.items():
        print(f"  {user:<32}{probe_args(USER, [stmt], RUNS) * 1000:8.1f} ms   {stmt}")

    bare = process_cpu([sys.executable, "-c", "pass"])
    cli = process_cpu([sys.executable, "-m", "anninh_toandan", "--help"])
    report_help = process_cpu([sys.executable, "-m", "anninh_toandan", "report", "--help"])
    argparse_only = process_cpu([sys.executable, "-c", "import argparse; argparse.ArgumentParser().parse_args([])"])
    print("\ncold start, whole process CPU (user + system):")
    print(f"  python -c pass                           {bare * 1000:8.1f} ms")
    print(f"  python -c 'import argparse; parse'       {argparse_only * 1000:8.1f} ms")
    above = f"({(cli - bare) * 1000:.0f} ms above bare Python)"
    print(f"  python -m anninh_toandan --help          {cli * 1000:8.1f} ms {above}")
    print(f"  python -m anninh_toandan report --help   {report_help * 1000:8.1f} ms")

    for module in ("anninh_toandan.review", "anninh_toandan.reports"):
        prof = cpu_profile(module, RUNS)
        print(f"\nCPU of each module's own code in 'import {module}' (median; {prof['(everything)'] * 1000:.0f} ms):")
        show(prof, 1000, "ms")
    per_class = probe(ATTRS_PROBE, RUNS)
    per_regex = probe(RE_PROBE, RUNS)
    print(f"  one frozen attrs class of five fields (a validator, a converter): {per_class * 1000:.2f} ms")
    print(f"  one regular expression of period-id size compiled: {per_regex * 1000:.2f} ms")

    runs = max(5, RUNS // 3)
    for stmt in ("import anninh_toandan.review", "import anninh_toandan.cli"):
        times = importtime(stmt, runs)
        total = times[stmt.split()[1]][1]
        print(f"\n-X importtime of {stmt!r} (median of {runs} runs, wall-clock; {total:.0f} ms in all):")
        show({n: own for n, (own, _) in times.items()}, 1, "ms")
    print(
        f"\nimport: anninh_toandan / (attrs, pendulum) CPU ratio {library / base:.2f}; "
        f"{both * 1000:.1f} ms above them; cold start {cli:.3f} s CPU (report --help {report_help:.3f} s)"
    )


if __name__ == "__main__":
    main()

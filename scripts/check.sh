#!/usr/bin/env bash
# The whole test suite: pytest (tests, docstring and docs doctests, examples)
# under branch coverage, ruff, mypy --strict and the docs site build.
# Run from the repository root after installing with the README's first command.
set -uo pipefail

VENV="${VENV:-.venv}"
BIN="$VENV/bin"
export PYTHONDONTWRITEBYTECODE=1
export NO_MKDOCS_2_WARNING=1
if [ "${CI:-}" = "true" ]; then export HYPOTHESIS_PROFILE=ci; fi

status=0
step() {
    echo
    echo "==> $*"
    "$@"
    local rc=$?
    if [ $rc -ne 0 ]; then
        echo "FAILED ($rc): $*"
        status=1
    fi
    return 0
}

step "$BIN/coverage" erase
step "$BIN/coverage" run -m pytest
step "$BIN/coverage" report --fail-under=95
step "$BIN/ruff" check src tests examples benchmarks scripts
step "$BIN/ruff" format --check src tests examples benchmarks scripts
step "$BIN/mypy" --strict src/anninh_toandan
step "$BIN/mkdocs" build --strict --quiet --site-dir "${SITE_DIR:-$(mktemp -d)}"

echo
if [ $status -eq 0 ]; then
    echo "All checks passed."
else
    echo "Some checks FAILED."
fi
exit $status

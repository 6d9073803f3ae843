#!/usr/bin/env bash
# Mutation testing of one module (or folder) of the library with mutmut.
#
#   bash scripts/mutation.sh quantity.py            # tests/test_quantity.py
#   bash scripts/mutation.sh formatting/ tests/test_formatting.py tests/test_spelling.py
#   MUTATION_TIMEOUT=3600 bash scripts/mutation.sh period.py
#   MUTATION_ONLY="$(cat survivors.txt)" bash scripts/mutation.sh period.py   # re-test some mutants only
#
# The first argument is a path under src/anninh_toandan/; the rest are the test
# files to run against each mutant (default: tests/test_<module>.py). The run
# happens in a scratch copy of the repository, so the working tree is left
# alone; the summary (killed, survived, score) is printed at the end and the
# surviving mutants are written to mutation-<module>.txt in the current folder.
# It is slow (minutes to an hour per module on two cores) and does not run in CI.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 MODULE [TEST_FILE...]   (MODULE under src/anninh_toandan/, e.g. quantity.py or formatting/)" >&2
    exit 2
fi
module="$1"
shift
name="$(basename "${module%.py}")"
if [ $# -gt 0 ]; then tests=("$@"); else tests=("tests/test_${name}.py"); fi

root="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${VENV:-$root/.venv}"
BIN="$VENV/bin"
timeout_s="${MUTATION_TIMEOUT:-5400}"
children="${MUTATION_CHILDREN:-1}"
out="$(pwd)/mutation-${name}.txt"

if [ ! -e "$root/src/anninh_toandan/$module" ]; then
    echo "no such module: src/anninh_toandan/$module" >&2
    exit 2
fi
if ! "$BIN/python" -c "import mutmut" 2>/dev/null; then
    echo "mutmut is not installed: pip install -e '.[test]'" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work")

if [[ "$module" == */ ]]; then pattern="src/anninh_toandan/${module}*"; else pattern="src/anninh_toandan/${module}"; fi
test_args=""
for t in "${tests[@]}"; do test_args+="\"$t\", "; done
cat >> "$work/pyproject.toml" <<TOML

[tool.mutmut]
source_paths = ["src/anninh_toandan"]
only_mutate = ["$pattern"]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-x", "-q", "--no-header", "-o", "addopts=", "-o", "testpaths=tests", "-W", "ignore::DeprecationWarning"]
pytest_add_cli_args_test_selection = [${test_args%, }]
TOML

cd "$work"
export PYTHONDONTWRITEBYTECODE=1
echo "mutating $pattern against ${tests[*]} (time cap ${timeout_s}s)"
status=0
# shellcheck disable=SC2086  # MUTATION_ONLY is a list of mutant names
timeout "$timeout_s" "$BIN/mutmut" run --max-children "$children" ${MUTATION_ONLY:-} >"$work/run.log" 2>&1 || status=$?
if [ $status -eq 124 ]; then echo "time cap reached: the counts below are of the mutants tested so far (a sample)"; fi
if [ $status -ne 0 ] && [ $status -ne 124 ]; then tail -40 "$work/run.log"; fi
"$BIN/mutmut" results --all true >"$work/results.txt" 2>/dev/null || true
killed=$(grep -c ': killed$' "$work/results.txt" || true)
survived=$(grep -c ': survived$' "$work/results.txt" || true)
timed_out=$(grep -c ': timeout$' "$work/results.txt" || true)
other=$(grep -vc -e ': killed$' -e ': survived$' -e ': timeout$' "$work/results.txt" || true)
grep -e ': survived$' "$work/results.txt" | sed 's/: survived$//; s/^ *//' | while read -r m; do
    echo "=== $m"
    "$BIN/mutmut" show "$m" 2>/dev/null | sed -n '3,$p'
done >"$out" || true
tested=$((killed + survived + timed_out))
score="n/a"
if [ $tested -gt 0 ]; then score=$(awk -v k=$((killed + timed_out)) -v t=$tested 'BEGIN { printf "%.1f%%", 100 * k / t }'); fi
echo "$module: killed $killed, timed out $timed_out, survived $survived, not tested $other; score $score"
echo "survivors written to $out"

#!/usr/bin/env bash
# Shows that each guard of the lock is needed: for every server/test/mutants/<guard>.patch
# (or the guards named as arguments), copies the working tree to a temporary directory,
# applies the patch there (it disables the guard), and runs the seeded race test
# (server/src/collaboration/convergence.race.test.ts) with the seed the patch names. The test
# must fail. Your working tree is never changed.
#
#   scripts/guard-mutants.sh            # every guard
#   scripts/guard-mutants.sh a d        # some of them
#   RACE_SEED=1 RACE_RUNS=12 scripts/guard-mutants.sh a   # other seeds than the patch names
#
# A patch starts with a few header lines before its diff: `Seed:`, `Runs:` (default 1) and
# `Expect:` (`fail`, or `survives` for a mutation no test here can see, with the reason in
# the patch). Exits non-zero if a mutant that should fail passes, or a patch no longer applies
# (then the guard moved: re-target the patch as its header describes).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MUTANTS="$ROOT/server/test/mutants"
TEST=server/src/collaboration/convergence.race.test.ts

if [ ! -x "$ROOT/node_modules/.bin/vitest" ]; then
  echo "dependencies are missing: run 'source scripts/ensure-deps.sh' first" >&2
  exit 2
fi

guards=("$@")
if [ ${#guards[@]} -eq 0 ]; then
  for patch in "$MUTANTS"/*.patch; do guards+=("$(basename "$patch" .patch)"); done
fi

header() { sed -n "s/^$1: *//p" "$2" | head -n 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/fellesplan-mutant-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
failures=0
for guard in "${guards[@]}"; do
  patch="$MUTANTS/$guard.patch"
  if [ ! -f "$patch" ]; then
    echo "guard $guard: no such mutant ($patch)"
    failures=$((failures + 1))
    continue
  fi
  seed="${RACE_SEED:-$(header Seed "$patch")}"
  runs="${RACE_RUNS:-$(header Runs "$patch")}"
  runs="${runs:-1}"
  expect="$(header Expect "$patch")"
  test="$(header Test "$patch")"
  test="${test:-$TEST}"
  expect="${expect:-fail}"

  copy="$WORK/$guard"
  mkdir -p "$copy"
  # The working tree as it is, without dependencies: those are linked, they are not mutated.
  rsync -a --exclude node_modules --exclude .git --exclude .tools --exclude .test-output "$ROOT/" "$copy/"
  while IFS= read -r modules; do
    ln -s "$ROOT/$modules" "$copy/$modules"
  done < <(cd "$ROOT" && find . -maxdepth 3 -name node_modules -type d -not -path '*/node_modules/*' -not -path './.tools/*' | sed 's|^\./||')
  if ! (cd "$copy" && git apply --whitespace=nowarn "$patch"); then
    echo "guard $guard: the patch no longer applies; re-target it (see its header)"
    failures=$((failures + 1))
    continue
  fi

  echo "guard $guard: $(header Guard "$patch")"
  echo "  RACE_SEED=$seed RACE_RUNS=$runs vitest run $test (mutated copy)"
  log="$WORK/$guard.log"
  started=$(date +%s)
  # A `Test:` header may name vitest arguments too (`--project postgres <file> -t <name>`).
  read -r -a test_args <<<"$test"
  (cd "$copy" && RACE_SEED="$seed" RACE_RUNS="$runs" ./node_modules/.bin/vitest run "${test_args[@]}" >"$log" 2>&1)
  status=$?
  took=$(($(date +%s) - started))
  # The first rule each failing seed broke (the test names the seed and the rule).
  broken="$(awk '/^AssertionError: seed [0-9]+ broke/ { seed = $3; getline; getline; print "    seed " seed ": " $0 }' "$log" |
    sort -u -k2,2n | cut -c1-220)"
  # Another test named by the patch: its failing tests are what it detected.
  if [ "$test" != "$TEST" ]; then broken="$(grep -E '^ +× ' "$log" | sort -u | head -n 3 | cut -c1-220)"; fi
  if [ $status -ne 0 ] && [ -n "$broken" ]; then
    echo "  guard $guard: test failed as expected (${took}s):"
    echo "$broken"
    if [ "$expect" = survives ]; then echo "  (the patch expected it to survive: update its header)"; fi
  elif [ $status -ne 0 ]; then
    echo "  guard $guard: the test failed, but on no rule (broken copy?); its output ends:"
    tail -n 30 "$log" | sed 's/^/    /'
    failures=$((failures + 1))
  elif [ "$expect" = survives ]; then
    echo "  guard $guard: survives, as its patch explains (${took}s):"
    sed -n 's/^Why: /    /p' "$patch"
  else
    echo "  guard $guard: NOT detected: the test passed without it (${took}s)"
    failures=$((failures + 1))
  fi
  rm -rf "$copy"
done
exit $((failures > 0))

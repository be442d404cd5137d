#!/usr/bin/env bash
# `npm test`: lint, format check, typecheck, unit + server integration tests (vitest: on SQLite,
# the server tests that can reach a database again on PostgreSQL, the storage contract on both),
# client build and Playwright e2e in Debian's Chromium. Every suite runs even if an earlier one
# fails; results go to .test-output/ and scripts/summarize-tests.mjs prints the totals.
source "$(dirname "$0")/ensure-deps.sh"
set +e
OUT="$ROOT/.test-output"
rm -rf "$OUT" && mkdir -p "$OUT"
failed_steps=()

step() {
  local name="$1"; shift
  echo
  echo "━━ $name"
  local start=$SECONDS
  if "$@"; then echo "✓ $name ($((SECONDS - start))s)"; else echo "✗ $name ($((SECONDS - start))s)"; failed_steps+=("$name"); fi
}

# Chromium (and pdftotext) first: the server prints PDF exports with it, and its tests read them back.
if (source "$ROOT/scripts/ensure-chromium.sh"); then have_chromium=1; else have_chromium=0; fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

# Lint, format check, typecheck and the client build are CPU work that would otherwise wait for
# vitest, whose tests mostly wait on sockets and timers: they run alongside it, one after another,
# each into a log of its own that is printed (in this order) once vitest is done.
checks=("lint" "format" "typecheck")
[ "$have_chromium" = 1 ] && checks+=("client build")
run_check() {
  case "$1" in
    lint) pnpm exec eslint --max-warnings 0 . ;;
    format) pnpm exec prettier --check --log-level warn . ;;
    typecheck) pnpm run typecheck ;;
    "client build") pnpm --filter @fellesplan/client build ;;
  esac
}
check_file() { echo "$OUT/checks/${1// /-}"; }
mkdir -p "$OUT/checks"
(
  for name in "${checks[@]}"; do
    start=$SECONDS
    run_check "$name" >"$(check_file "$name").log" 2>&1
    echo "$? $((SECONDS - start))" >"$(check_file "$name").status"
  done
) &
checks_pid=$!

vitest_json=(--reporter=default --reporter=json --outputFile.json="$OUT/vitest.json")
# The scale-out tests (in the PostgreSQL run) need Redis; without it they fail, and say so.
source "$ROOT/scripts/ensure-redis.sh" || failed_steps+=("Redis for the scale-out tests (no Redis)")
if source "$ROOT/scripts/ensure-postgres.sh"; then
  step "unit and server tests (SQLite, PostgreSQL, storage contract)" pnpm exec vitest run "${vitest_json[@]}"
else
  step "unit and server tests (SQLite only)" pnpm exec vitest run --project unit --project sqlite "${vitest_json[@]}"
  failed_steps+=("server tests on PostgreSQL (no PostgreSQL)")
fi

wait "$checks_pid"
for name in "${checks[@]}"; do
  echo
  echo "━━ $name (ran alongside the vitest step)"
  cat "$(check_file "$name").log"
  status=1 seconds='?'
  [ -f "$(check_file "$name").status" ] && read -r status seconds <"$(check_file "$name").status"
  if [ "$status" = 0 ]; then echo "✓ $name (${seconds}s)"; else echo "✗ $name (${seconds}s)"; failed_steps+=("$name"); fi
done
if [ "$have_chromium" = 1 ]; then
  step "e2e tests" pnpm --filter @fellesplan/e2e exec playwright test
else
  failed_steps+=("e2e tests (no chromium)")
fi

printf '%s\n' "${failed_steps[@]}" > "$OUT/failed-steps.txt"
node "$ROOT/scripts/summarize-tests.mjs" "$OUT"
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Failed: ${failed_steps[*]}"
  exit 1
fi

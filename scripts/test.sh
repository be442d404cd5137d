#!/usr/bin/env bash
# `npm test`: lint, format check, typecheck, unit + server integration tests (vitest: on SQLite,
# the server tests again on PostgreSQL, the storage contract on both) and Playwright e2e in
# Debian's Chromium. Every suite runs even if an earlier one fails; results go to .test-output/
# and scripts/summarize-tests.mjs prints the totals.
source "$(dirname "$0")/ensure-deps.sh"
set +e
OUT="$ROOT/.test-output"
rm -rf "$OUT" && mkdir -p "$OUT"
failed_steps=()

step() {
  local name="$1"; shift
  echo
  echo "━━ $name"
  if "$@"; then echo "✓ $name"; else echo "✗ $name"; failed_steps+=("$name"); fi
}

step "lint" pnpm exec eslint --max-warnings 0 .
step "format" pnpm exec prettier --check --log-level warn .
step "typecheck" pnpm run typecheck
# Chromium (and pdftotext) first: the server prints PDF exports with it, and its tests read them back.
if (source "$ROOT/scripts/ensure-chromium.sh"); then have_chromium=1; else have_chromium=0; fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
vitest_json=(--reporter=default --reporter=json --outputFile.json="$OUT/vitest.json")
# The scale-out tests (in the PostgreSQL run) need Redis; without it they fail, and say so.
source "$ROOT/scripts/ensure-redis.sh" || failed_steps+=("Redis for the scale-out tests (no Redis)")
if source "$ROOT/scripts/ensure-postgres.sh"; then
  step "unit and server tests (SQLite, PostgreSQL, storage contract)" pnpm exec vitest run "${vitest_json[@]}"
else
  step "unit and server tests (SQLite only)" pnpm exec vitest run --project sqlite "${vitest_json[@]}"
  failed_steps+=("server tests on PostgreSQL (no PostgreSQL)")
fi
if [ "$have_chromium" = 1 ]; then
  step "client build" pnpm --filter @fellesplan/client build
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

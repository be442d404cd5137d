#!/usr/bin/env bash
# `npm run bench` / `pnpm bench`: latency against a bare Hocuspocus baseline, as ratios;
# writes docs/benchmarks.md and docs/benchmarks.json.
source "$(dirname "$0")/ensure-deps.sh"
# The cold-open figures need Chromium and the built client, as users get it.
source "$(dirname "$0")/ensure-chromium.sh"
pnpm --filter @fellesplan/client build
exec pnpm --filter @fellesplan/bench bench

#!/usr/bin/env bash
# `npm run bench` / `pnpm bench`: latency against a bare Hocuspocus baseline, as ratios;
# writes docs/benchmarks.md and docs/benchmarks.json.
source "$(dirname "$0")/ensure-deps.sh"
exec pnpm --filter @fellesplan/bench bench

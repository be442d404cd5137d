#!/usr/bin/env bash
# `pnpm bench`: every scenario against Fellesplan and a bare Hocuspocus baseline, as ratios;
# writes docs/benchmarks.md, docs/benchmarks.json and docs/benchmarks.svg.
source "$(dirname "$0")/ensure-deps.sh"
# The cold-open figures need Chromium and the built client, as users get it.
source "$(dirname "$0")/ensure-chromium.sh"
pnpm --filter @fellesplan/client build
exec pnpm --filter @fellesplan/bench bench

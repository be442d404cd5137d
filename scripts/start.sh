#!/usr/bin/env bash
# `npm start`: install what is missing, build the client if needed, start the server with
# SQLite in ./data (or PostgreSQL with DATABASE_URL) and the demo helsefellesskap. Honours PORT,
# HOST, DATA_DIR, DATABASE_URL, FELLESPLAN_DEMO.
source "$(dirname "$0")/ensure-deps.sh"
source "$ROOT/scripts/build-client.sh"
export DATA_DIR="${DATA_DIR:-$ROOT/data}"
exec "$ROOT/server/node_modules/.bin/tsx" "$ROOT/server/src/main.ts"

#!/usr/bin/env bash
# `npm start`: install what is missing, build the client and the server if needed, start the
# compiled server with SQLite in ./data (or PostgreSQL with DATABASE_URL) and the demo
# helsefellesskap. Honours PORT, HOST, DATA_DIR, DATABASE_URL, FELLESPLAN_DEMO.
source "$(dirname "$0")/ensure-deps.sh"
source "$ROOT/scripts/build-client.sh"
source "$ROOT/scripts/build-server.sh"
export DATA_DIR="${DATA_DIR:-$ROOT/data}"
# Compiled JavaScript, not the tsx loader: the loader alone holds about 50 MB more resident.
exec node --enable-source-maps "$ROOT/server/dist/main.mjs"

# Sourced by start.sh, test.sh and bench: makes the pinned pnpm available and installs the
# workspace when node_modules is missing or older than the lockfile. Safe to run repeatedly.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"
export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "› Installing pnpm $PNPM_VERSION into .tools (corepack is not used: its signature check fails here)"
  npm install --silent --no-audit --no-fund --prefix "$ROOT/.tools" "pnpm@$PNPM_VERSION" >/dev/null
fi

STAMP="$ROOT/node_modules/.fellesplan-installed"
needs_install=0
[ -f "$STAMP" ] || needs_install=1
if [ "$needs_install" = 0 ]; then
  for manifest in pnpm-lock.yaml package.json pnpm-workspace.yaml */package.json packages/*/package.json; do
    [ "$manifest" -nt "$STAMP" ] && needs_install=1 && break
  done
fi
if [ "$needs_install" = 1 ]; then
  echo "› Installing dependencies (first run compiles better-sqlite3, about two minutes)"
  pnpm install --frozen-lockfile --reporter=append-only 2>&1 | grep -vE '^\s*$|better-sqlite3 install:' || true
  [ -d node_modules/.pnpm ] || { echo "pnpm install failed" >&2; exit 1; }
  touch "$STAMP"
fi

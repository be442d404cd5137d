# Sourced by test.sh: Playwright cannot download its own browser here, so e2e uses Debian's.
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "› Installing Debian's chromium with apt-get (Playwright's own download is not reachable)"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || true
  elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || true
  fi
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "ERROR: Chromium is missing at $CHROMIUM and could not be installed with apt-get." >&2
  echo "Install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi
export CHROMIUM_PATH="$CHROMIUM"
# The server tests read exported PDFs back with poppler's pdftotext.
if ! command -v pdftotext >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >/dev/null 2>&1 || true
  elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >/dev/null 2>&1 || true
  fi
fi

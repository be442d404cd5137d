# Sourced after ensure-deps.sh: builds the client when its sources are newer than the build.
CLIENT_INDEX="$ROOT/client/dist/index.html"
if [ ! -f "$CLIENT_INDEX" ] || [ -n "$(find client/src client/index.html client/public client/vite.config.ts packages/*/src -newer "$CLIENT_INDEX" -print -quit)" ]; then
  echo "› Building the client"
  pnpm --filter @fellesplan/client build >/dev/null
fi

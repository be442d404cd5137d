# Sourced after ensure-deps.sh: compiles the server into server/dist (esbuild) when any file the
# build was made from is newer than it; the check reads the inputs esbuild recorded.
"$ROOT/server/node_modules/.bin/tsx" "$ROOT/server/src/build/cli.ts"

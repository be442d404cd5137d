# Sourced by test.sh: the scale-out tests run two server processes on one Redis. Uses
# TEST_REDIS_URL if set; otherwise the machine's Redis at 127.0.0.1:6379: started when installed
# but stopped, installed with apt-get when missing. Returns 1 with a clear message only when none
# of that is possible. Exports TEST_REDIS_URL (server/src/testing/spawnCluster.ts reads it).
DEFAULT_TEST_REDIS_URL="redis://127.0.0.1:6379"
export TEST_REDIS_URL="${TEST_REDIS_URL:-$DEFAULT_TEST_REDIS_URL}"

# PING over bash's own /dev/tcp: no redis-cli needed.
redis_up() {
  (
    exec 3<>/dev/tcp/127.0.0.1/6379 || exit 1
    printf 'PING\r\n' >&3
    IFS= read -r -t 2 reply <&3 && [[ "$reply" == +PONG* ]]
  ) 2>/dev/null
}
redis_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

if [ "$TEST_REDIS_URL" = "$DEFAULT_TEST_REDIS_URL" ] && ! redis_up; then
  if ! command -v redis-server >/dev/null && command -v apt-get >/dev/null; then
    echo "› Installing Redis with apt-get (the scale-out tests run on it)"
    (redis_as_root apt-get update -qq && redis_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) \
      >/dev/null 2>&1 || true
  fi
  if command -v redis-server >/dev/null; then
    echo "› Starting Redis on 127.0.0.1:6379"
    # As the machine's own service runs it: loopback only, nothing kept on disk.
    redis_as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
      --dir /tmp >/dev/null 2>&1 || true
    for _ in $(seq 1 20); do
      redis_up && break
      sleep 0.5
    done
  fi
fi
if [ "$TEST_REDIS_URL" = "$DEFAULT_TEST_REDIS_URL" ] && ! redis_up; then
  echo "✗ No Redis at 127.0.0.1:6379, and it could not be installed or started: the scale-out tests will fail" >&2
  return 1 2>/dev/null || exit 1
fi
return 0 2>/dev/null || true

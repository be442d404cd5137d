# Sourced by test.sh: the server tests run a second time on PostgreSQL, and the storage contract
# runs on it. Uses TEST_DATABASE_URL if set; otherwise the machine's PostgreSQL at 127.0.0.1:5432,
# database `test`, user postgres: started when installed but stopped, installed with apt-get
# (and given trust for postgres from 127.0.0.1) when missing, the database created when absent.
# Fails (returns 1) with a clear message only when none of that is possible.
# Exports TEST_DATABASE_URL, which vitest.config.ts hands to the postgres project.
DEFAULT_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-$DEFAULT_TEST_DATABASE_URL}"
PG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Node with the server's pg driver, so no psql is needed to reach a database elsewhere.
pg_node() { (cd "$PG_ROOT/server" && node --input-type=module -e "$1"); }
# Prints ok, no-database or down; `pg_state loud` says why on stderr.
pg_state() {
  pg_node "
    import pg from 'pg';
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try { await client.connect(); await client.end(); console.log('ok'); }
    catch (error) {
      const cause = error.errors?.[0] ?? error;
      console.log(cause.code === '3D000' ? 'no-database' : 'down');
      if ('${1:-}' === 'loud') console.error('PostgreSQL: ' + [cause.code, cause.message].filter(Boolean).join(': '));
    }
  "
}
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}
as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; elif command -v sudo >/dev/null; then sudo -u postgres sh -c "$1"; else return 1; fi
}
pg_versions() { ls /etc/postgresql 2>/dev/null || true; }

if [ "$TEST_DATABASE_URL" = "$DEFAULT_TEST_DATABASE_URL" ]; then
  state="$(pg_state)"
  if [ "$state" = down ] && [ -z "$(pg_versions)" ] && command -v apt-get >/dev/null; then
    echo "› Installing PostgreSQL with apt-get (the server tests run on it as well as on SQLite)"
    (as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) \
      >/dev/null 2>&1 || true
    # A fresh cluster asks for a password over TCP; the tests connect as postgres from 127.0.0.1.
    for version in $(pg_versions); do
      as_root sed -i '1i host all postgres 127.0.0.1/32 trust' "/etc/postgresql/$version/main/pg_hba.conf" || true
    done
  fi
  if [ "$state" = down ] && [ -n "$(pg_versions)" ]; then
    echo "› Starting PostgreSQL $(pg_versions | tr '\n' ' ')"
    for version in $(pg_versions); do
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    done
    for _ in $(seq 1 20); do
      state="$(pg_state)"
      [ "$state" = down ] || break
      sleep 0.5
    done
  fi
  if [ "$state" = no-database ]; then
    echo "› Creating the database test"
    as_postgres "psql -q -h 127.0.0.1 -c 'CREATE DATABASE test'" >/dev/null 2>&1 ||
      as_postgres "psql -q -c 'CREATE DATABASE test'" >/dev/null 2>&1 || true
  fi
fi

if [ "$(pg_state loud)" != ok ]; then
  echo "ERROR: PostgreSQL is not reachable at $TEST_DATABASE_URL and could not be installed, started or set up." >&2
  echo "Install and start it (apt-get install postgresql), create the database, or set TEST_DATABASE_URL." >&2
  return 1
fi

# Schemas of test runs that were killed (fp_<seconds>_<random>) are dropped once a day old.
pg_node "
  import pg from 'pg';
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(\"SELECT nspname FROM pg_namespace WHERE nspname ~ '^fp_[0-9]+_[0-9a-f]+\$'\");
  const dayAgo = Date.now() / 1000 - 86400;
  for (const { nspname } of rows) {
    if (Number(nspname.split('_')[1]) < dayAgo) await client.query('DROP SCHEMA ' + nspname + ' CASCADE');
  }
  await client.end();
" || true

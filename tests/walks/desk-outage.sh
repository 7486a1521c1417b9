#!/usr/bin/env bash
# Walk tests/walks/desk-outage.txt against a throwaway PostgreSQL on port 18501, stopping and
# starting it when the walk reaches its marks. Run from the project root as root (the server runs
# as the postgres user):  tests/walks/desk-outage.sh /tmp/walk-desk-outage
set -eu
out=${1:-/tmp/walk-desk-outage}; port=${PGPORT_WALK:-18501}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg=$(mktemp -d); chown postgres:postgres "$pg"
as_pg() { runuser -u postgres -- "$@"; }
ctl() { as_pg "$bin/pg_ctl" -D "$pg/data" -o "-p $port -k $pg -h 127.0.0.1 -F" -l "$pg/log" -w "$@" >/dev/null; }
trap 'ctl -m immediate stop 2>/dev/null || true; rm -rf "$pg"' EXIT
as_pg "$bin/initdb" -D "$pg/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
ctl start
as_pg psql -q -h 127.0.0.1 -p "$port" -U postgres -c "create database kiosk"
export KIOSK_DATA_DIR; KIOSK_DATA_DIR=$(mktemp -d)
export KIOSK_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/kiosk"
.venv/bin/kiosk demo --reset >/dev/null
.venv/bin/kiosk staff add "Sari Dewi" --pin 4321 >/dev/null
.venv/bin/python - <<'PY'
from kiosk.config import load_settings
from kiosk.domain.schedule import default_slot
from kiosk.services.setup import open_clinic
from kiosk.services.tickets import TakeRequest

services = open_clinic(load_settings())
today = services.clock.today()
slot = default_slot(services.clinic.poli_day("001", today).slots, services.clock.now())
assert slot is not None
for holder in (1, 2, None):
    services.tickets.take(TakeRequest("001", today, slot.schedule_id, holder))
services.store.dispose()
PY
rm -rf "$out"; mkdir -p "$out"
/work/shared/tools/tmux-walk tests/walks/desk-outage.txt "$out" 80 24 & walk=$!
until ls "$out"/*-desk.txt >/dev/null 2>&1; do sleep 0.3; kill -0 $walk 2>/dev/null || break; done
ctl -m fast stop; echo "(the walk stopped PostgreSQL)"
until ls "$out"/*-outage-en.txt >/dev/null 2>&1; do sleep 0.3; kill -0 $walk 2>/dev/null || break; done
sleep 3; ctl start; echo "(the walk started PostgreSQL again)"
wait $walk

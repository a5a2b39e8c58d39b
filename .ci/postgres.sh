#!/usr/bin/env bash
# Start the local PostgreSQL 15 cluster and make the test role and database (idempotent).
set -euo pipefail
pg_ctlcluster 15 main start 2>/dev/null || pg_ctlcluster 15 main status >/dev/null
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 0.5
done
as_postgres() { su postgres -c "$1"; }
as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='kiosk'\"" | grep -q 1 ||
    as_postgres "psql -qc \"CREATE ROLE kiosk LOGIN PASSWORD 'kiosk'\""
as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='kiosk_test'\"" | grep -q 1 ||
    as_postgres "createdb -O kiosk kiosk_test"
echo "postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk_test"

#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: a login for Grafana that may only read, including
# the tables Koers' migrations create later (as the koers user).
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<EOSQL
create role ${GRAFANA_DB_USER} login password '${GRAFANA_DB_PASSWORD}';
grant connect on database ${POSTGRES_DB} to ${GRAFANA_DB_USER};
grant usage on schema public to ${GRAFANA_DB_USER};
alter default privileges for role ${POSTGRES_USER} in schema public grant select on tables to ${GRAFANA_DB_USER};
EOSQL

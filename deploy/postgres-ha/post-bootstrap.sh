#!/bin/sh
# Run once by Patroni on the node that initialises the cluster (bootstrap.post_bootstrap in
# patroni.yml), with the superuser's connection string as $1:
# - the backup repository's stanza, so that archive_command succeeds from the first WAL segment
#   on (a standby's base backup waits for its WAL to be archived);
# - the application's own role and database. The servers connect as this role through HAProxy's
#   primary port; the role owns the database, so the servers' migration runner can create and
#   alter its tables.
# It also runs after a cluster is rebuilt from a backup (README, Operations), where both exist
# already: each step leaves what is there.
set -eu
: "${AMK_DB_PASSWORD:?set AMK_DB_PASSWORD for the application role}"
pgbackrest --stanza=amk stanza-create
psql "$1" -v ON_ERROR_STOP=1 -v pw="$AMK_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE amk LOGIN PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'amk')
\gexec
SELECT 'CREATE DATABASE amk OWNER amk' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'amk')
\gexec
SQL

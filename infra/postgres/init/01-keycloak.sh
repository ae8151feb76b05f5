#!/bin/bash
# Runs once, when the postgres volume is first initialised: Keycloak gets its own role and
# database so that its tables never mix with the application's.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v kc_password="$KEYCLOAK_DB_PASSWORD" -v app_db="$POSTGRES_DB" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'kc_password';
CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8';
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
-- Neither role may open the other's database.
REVOKE CONNECT ON DATABASE :"app_db" FROM PUBLIC;
SQL

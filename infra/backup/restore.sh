#!/usr/bin/env bash
# Restore of a backup made by backup.sh into an EMPTY database and an EMPTY bucket.
#
#   infra/backup/restore.sh <backup folder>
#
# Settings from the environment, as for backup.sh: PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE (the target
# database: it must exist and have no tables; createdb makes one), KC_S3_ENDPOINT KC_S3_ACCESS_KEY
# KC_S3_SECRET_KEY KC_S3_BUCKET KC_S3_REGION (the target bucket: created when missing, must hold no object).
# Nothing is overwritten: a target that is not empty stops the restore before anything is written.
# Start the backend on the restored database and bucket only once this script says "done".
set -euo pipefail
. "$(dirname "$0")/common.sh"

source_dir="${1:?usage: restore.sh <backup folder>}"
[ -f "$source_dir/database.dump" ] || die "$source_dir/database.dump not found"
[ -f "$source_dir/objects.sha256" ] || die "$source_dir/objects.sha256 not found"
[ -d "$source_dir/objects" ] || die "$source_dir/objects/ not found"

require_settings
require_tools
s3_setup

say "checking the backup against its manifest"
(cd "$source_dir/objects" && sha256sum --check --quiet --strict ../objects.sha256) \
  || die "the backup's objects do not match objects.sha256"
[ "$(hash_objects "$source_dir/objects" | wc -l)" = "$(wc -l < "$source_dir/objects.sha256")" ] \
  || die "the backup has objects that objects.sha256 does not list"

tables="$(psql --no-password --no-psqlrc --quiet --tuples-only --no-align --set=ON_ERROR_STOP=1 --command \
  "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
     and n.nspname not like 'pg_toast%'")"
[ "$tables" = "0" ] || die "database $PGDATABASE is not empty ($tables tables)"

if s3 s3api head-bucket --bucket "$KC_S3_BUCKET" 2>/dev/null; then
  [ -z "$(list_keys "$KC_S3_BUCKET")" ] || die "bucket $KC_S3_BUCKET is not empty"
else
  say "creating bucket $KC_S3_BUCKET"
  s3 s3api create-bucket --bucket "$KC_S3_BUCKET" >/dev/null
fi

say "restoring database $PGDATABASE"
# Owners and grants are those of the target's user: the restore may run under another role than the backup.
pg_restore --no-password --dbname="$PGDATABASE" --no-owner --no-acl --exit-on-error --single-transaction \
  "$source_dir/database.dump"

say "restoring $(wc -l < "$source_dir/objects.sha256") objects into $KC_S3_BUCKET on $KC_S3_ENDPOINT"
s3 s3 sync "$source_dir/objects" "s3://$KC_S3_BUCKET" --only-show-errors

# The bucket now holds exactly the manifest's keys.
diff <(cut -d' ' -f3- "$source_dir/objects.sha256") <(list_keys "$KC_S3_BUCKET") >/dev/null \
  || die "the bucket's keys differ from objects.sha256 after the copy"
say "done"

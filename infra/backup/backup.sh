#!/usr/bin/env bash
# Backup of Khuyến công Online: the database and every document of the bucket, into a new folder.
#
#   infra/backup/backup.sh [target folder]      (default: ./khuyencong-backup-<UTC time>)
#
# Settings from the environment: PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE (the database), KC_S3_ENDPOINT
# KC_S3_ACCESS_KEY KC_S3_SECRET_KEY KC_S3_BUCKET KC_S3_REGION (the bucket, as the backend has them).
# The folder holds:
#   database.dump    pg_dump, custom format (pg_restore reads it)
#   objects/         one file per object, at its key
#   objects.sha256   "<SHA-256>  <key>" for every object, sorted by key
#   backup.info      when, from where, how many objects
# docs/operations/backup-and-restore.md explains when to run it and how to restore.
set -euo pipefail
. "$(dirname "$0")/common.sh"

require_settings
require_tools
s3_setup

target="${1:-./khuyencong-backup-$(date -u +%Y%m%dT%H%M%SZ)}"
[ -e "$target" ] && die "$target exists already: a backup goes into a new folder"
mkdir -p "$target/objects"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

# The database first: a document row never points to an object that the copy below could miss, because
# the backend stores the object before the row and removes objects only after their row (orphans are
# swept later). Objects without a row are harmless after a restore.
say "dumping database $PGDATABASE"
pg_dump --format=custom --compress=6 --no-password --file="$target/database.dump"

say "copying bucket $KC_S3_BUCKET from $KC_S3_ENDPOINT"
list_keys "$KC_S3_BUCKET" > "$target/.keys-listed"
s3 s3 sync "s3://$KC_S3_BUCKET" "$target/objects" --only-show-errors

hash_objects "$target/objects" > "$target/objects.sha256"
# Every key listed before the copy must be there (objects removed meanwhile by the orphan sweep excepted).
cut -d' ' -f3- "$target/objects.sha256" > "$target/.keys-copied"
missing="$(LC_ALL=C comm -23 "$target/.keys-listed" "$target/.keys-copied")"
if [ -n "$missing" ]; then
  still="$(list_keys "$KC_S3_BUCKET")"
  gone=0
  while IFS= read -r key; do
    grep -qxF -- "$key" <<<"$still" && die "object not copied: $key"
    gone=$((gone + 1))
  done <<<"$missing"
  say "$gone object(s) removed from the bucket while copying, not in the backup"
fi
rm -f "$target/.keys-listed" "$target/.keys-copied"

objects="$(wc -l < "$target/objects.sha256")"
cat > "$target/backup.info" <<INFO
started=$started
finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)
database=$PGDATABASE
s3_endpoint=$KC_S3_ENDPOINT
bucket=$KC_S3_BUCKET
objects=$objects
pg_dump=$(pg_dump --version)
INFO
say "done: $target ($objects objects)"
echo "$target"

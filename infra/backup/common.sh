# Shared by backup.sh and restore.sh: settings, tool checks, the S3 client.
# shellcheck shell=bash

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
say() { echo "$(basename "$0"): $*" >&2; }

# The database: libpq's own variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), or a .pgpass file.
# The bucket: the backend's own variables, so the same environment file serves both.
require_settings() {
  : "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER, PGPASSWORD as needed)}"
  : "${KC_S3_ENDPOINT:?set KC_S3_ENDPOINT, the S3 endpoint, e.g. http://minio:9000}"
  : "${KC_S3_ACCESS_KEY:?set KC_S3_ACCESS_KEY}"
  : "${KC_S3_SECRET_KEY:?set KC_S3_SECRET_KEY}"
  KC_S3_BUCKET="${KC_S3_BUCKET:-khuyencong-documents}"
  KC_S3_REGION="${KC_S3_REGION:-us-east-1}"
}

# pg_dump, pg_restore and psql of PostgreSQL 15 or later, the AWS CLI, sha256sum. Nothing is installed
# behind the operator's back: what is missing is named, with the Debian package that brings it.
require_tools() {
  local missing=()
  command -v pg_dump >/dev/null || missing+=("pg_dump (apt-get install postgresql-client-15)")
  command -v pg_restore >/dev/null || missing+=("pg_restore (apt-get install postgresql-client-15)")
  command -v psql >/dev/null || missing+=("psql (apt-get install postgresql-client-15)")
  command -v aws >/dev/null || missing+=("aws (apt-get install awscli)")
  command -v sha256sum >/dev/null || missing+=("sha256sum (apt-get install coreutils)")
  if ((${#missing[@]})); then
    die "missing: ${missing[*]}"
  fi
}

# The AWS CLI against any S3-compatible store: path-style addresses, the given region, and checksums only
# where S3 requires them (newer clients otherwise send trailers that not every store accepts).
s3_setup() {
  S3_CONFIG_DIR="$(mktemp -d)"
  trap 'rm -rf "$S3_CONFIG_DIR"' EXIT
  cat > "$S3_CONFIG_DIR/config" <<CONFIG
[default]
region = ${KC_S3_REGION}
s3 =
    addressing_style = path
CONFIG
  export AWS_CONFIG_FILE="$S3_CONFIG_DIR/config"
  export AWS_SHARED_CREDENTIALS_FILE="$S3_CONFIG_DIR/credentials"
  export AWS_ACCESS_KEY_ID="$KC_S3_ACCESS_KEY"
  export AWS_SECRET_ACCESS_KEY="$KC_S3_SECRET_KEY"
  export AWS_DEFAULT_REGION="$KC_S3_REGION"
  export AWS_REQUEST_CHECKSUM_CALCULATION=when_required
  export AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
  export AWS_PAGER=""
  unset AWS_PROFILE AWS_SESSION_TOKEN
}

s3() { aws --endpoint-url "$KC_S3_ENDPOINT" "$@"; }

# Every key of the bucket, one per line, sorted (byte order).
list_keys() {
  s3 s3api list-objects-v2 --bucket "$1" --query 'Contents[].[Key]' --output text \
    | { grep -v '^None$' || true; } | LC_ALL=C sort
}

# "<sha256>  <key>" for every file under the objects folder, sorted by key: the format of sha256sum, so
# `cd objects && sha256sum -c ../objects.sha256` checks a copy by hand.
hash_objects() {
  (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 --no-run-if-empty sha256sum | sed 's#  \./#  #')
}

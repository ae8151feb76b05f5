#!/usr/bin/env bash
# Upload throughput through the backend beside a direct S3 multipart upload of the same file to the same S3
# server (MinIO SDK), with the backend's peak heap (-Xmx256m) during each upload.
# Usage: backend/bench/upload-throughput.sh [sizes in MB, default: 64 256 1024]
# Each size is uploaded BENCH_ROUNDS times both ways (default 5, alternating which goes first); medians are compared.
# BENCH_BACKEND_OPTS adds JVM options to the backend (e.g. a flight recording).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -Dskip.frontend=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.khuyencong.bench.UploadBenchmark "$@"

#!/usr/bin/env bash
# Workflow throughput and latency: in-process, over HTTP, and pgbench's ceiling for the same SQL.
# Usage: backend/bench/workflow.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# the HTTP client (wrk) and the database's own benchmark (pgbench) come from Debian's packages
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client; }
./mvnw -q -B -Dskip.frontend=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.khuyencong.bench.WorkflowBenchmark "${1:-20}"

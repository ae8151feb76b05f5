#!/usr/bin/env bash
# Statistics response times: every statistics endpoint over HTTP on a fresh database of 100,000 generated dossiers
# with their history, decisions, payments and acceptance records (median of 9 calls after 3 warm-up calls).
# Usage: backend/bench/statistics.sh [dossiers, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -Dskip.frontend=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.khuyencong.bench.StatisticsBenchmark "${1:-100000}"

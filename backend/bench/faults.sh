#!/usr/bin/env bash
# Faults under load in the scaled-out deployment (two instances from the packaged jar behind Debian's nginx, one
# database, one S3 server, one SMTP server), each followed by a check that nothing acknowledged was lost or
# duplicated. Prints figures; exits non-zero when a check fails.
# Usage: backend/bench/faults.sh [postgres-restart|s3-outage|instance-kill|smtp-outage|all, default all]
# postgres-restart stops and starts this machine's PostgreSQL 15/main (pg_ctlcluster, as root): every other user
# of that server (other builds, other tests) loses its connections for a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
scenario=${1:-all}
./mvnw -q -B -DskipTests -Dskip.frontend=true package
./mvnw -q -B -Dskip.frontend=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
if [[ $scenario == all || $scenario == postgres-restart ]]; then
  echo "WARNING: the postgres-restart scenario stops and starts PostgreSQL 15/main on this machine; everything" >&2
  echo "         else using it loses its connections. Starting in ${KC_FAULTS_WARNING_SECONDS:-10} s (Ctrl-C to stop)." >&2
  sleep "${KC_FAULTS_WARNING_SECONDS:-10}"
fi
exec "$JAVA_HOME/bin/java" -Xmx512m ${BENCH_JAVA_OPTS:-} \
  -Dkc.backend.jar=target/khuyencong-backend-0.1.0-SNAPSHOT.jar -Dkc.infra.dir=../infra -Dkc.cluster.dir=target/faults \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.khuyencong.bench.FaultScenarios "$scenario"

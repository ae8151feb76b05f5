#!/usr/bin/env bash
# A mixed workload from virtual users against two instances behind nginx (test-support Cluster), on loopback.
# Usage: backend/bench/load.sh [virtual users, default 200] [seconds, default 300]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# Debian's nginx is the load balancer
[ -x /usr/sbin/nginx ] || { apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx; }
./mvnw -q -B -Dskip.frontend=true -DskipTests package
./mvnw -q -B -Dskip.frontend=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" -Xmx1g -Dkc.backend.jar="$(ls target/khuyencong-backend-*.jar | grep -v plain | head -1)" \
  -Dkc.infra.dir=../infra -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.khuyencong.bench.ClusterLoad "${1:-200}" "${2:-300}"

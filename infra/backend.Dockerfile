# syntax=docker/dockerfile:1
# Backend image. Build context is the repository root:
#   docker build -f infra/backend.Dockerfile -t khuyencong/backend:0.1.0 .

# ---- build: Maven wrapper on JDK 25 (the code targets release 21) ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src/backend

# Wrapper and POM first, so dependencies stay cached while only sources change.
COPY backend/mvnw backend/pom.xml ./
COPY backend/.mvn .mvn
RUN chmod +x mvnw
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -Dskip.frontend=true dependency:go-offline

COPY backend/src src
# Tests need PostgreSQL and run in CI (`./mvnw verify`), not in the image build. The SPA is
# served by nginx (infra/nginx.Dockerfile), so the jar is built without it.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -Dskip.frontend=true package \
 && mkdir -p /app \
 && jar="$(find target -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' | head -n 1)" \
 && test -n "$jar" \
 && java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination /app/extracted

# ---- run: JRE only, non-root (uid and gid 10001, which infra/k8s/backend.yaml names) ----
FROM eclipse-temurin:25-jre
# curl serves the container health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 khuyencong \
 && useradd --system --uid 10001 --gid khuyencong --home-dir /var/lib/khuyencong --shell /usr/sbin/nologin khuyencong \
 && install -d -o khuyencong -g khuyencong -m 0750 /var/lib/khuyencong

WORKDIR /opt/khuyencong
# One layer per Spring Boot jar layer: dependencies change rarely, the application often.
COPY --from=build /app/extracted/dependencies/ ./
COPY --from=build /app/extracted/spring-boot-loader/ ./
COPY --from=build /app/extracted/snapshot-dependencies/ ./
COPY --from=build /app/extracted/application/ ./

# Deadlines, dossier codes (YYMMDD) and working days are Vietnamese dates.
ENV TZ=Asia/Ho_Chi_Minh \
    KC_DATA_DIR=/var/lib/khuyencong \
    SERVER_PORT=8080
USER 10001:10001
VOLUME ["/var/lib/khuyencong"]
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=30 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]

# Meritocrab on Open Liberty. Build: docker build --build-arg VERSION=0.1.0 --build-arg GIT_SHA=$(git rev-parse HEAD)
#   --build-arg BUILD_DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ) -t meritocrab .
# The Liberty version of the runtime image matches version.openliberty in the pom. The release workflow
# builds, scans (Trivy) and pushes it; see docs/ci.md.
ARG LIBERTY_VERSION=26.0.0.3

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src ./src
# The WAR (with the commit it was built from, for /api/status), and the JDBC drivers the server
# configuration expects in lib/jdbc (they are not in the WAR).
ARG GIT_SHA=unknown
RUN mvn -B -q -DskipTests -Dgit.sha="${GIT_SHA}" package \
 && mvn -B -q dependency:copy-dependencies -DincludeScope=provided -DincludeArtifactIds=postgresql,h2 \
        -DoutputDirectory=target/jdbc

# kernel-slim has only the Liberty kernel; features.sh below adds the features server.xml names (from
# Maven Central), so the image carries those and not the whole Jakarta EE and MicroProfile set of the
# "full" image.
FROM icr.io/appcafe/open-liberty:${LIBERTY_VERSION}-kernel-slim-java17-openj9-ubi
# The image runs as the unprivileged user 1001 (group 0, as OpenShift expects).
COPY --chown=1001:0 src/main/liberty/config/ /config/
RUN features.sh
COPY --chown=1001:0 --from=build /build/target/jdbc/ /config/lib/jdbc/
COPY --chown=1001:0 --from=build /build/target/meritocrab.war /config/apps/meritocrab.war
ENV MERITOCRAB_HTTP_PORT=9080 \
    MERITOCRAB_HTTPS_PORT=9443
USER 1001
# Installs what server.xml needs and warms the class cache (the official images' build step).
RUN configure.sh

# Last, so that a new version, sha or date does not rebuild the layers above (every RUN after an ARG
# depends on it).
ARG VERSION=0.1.0-SNAPSHOT
ARG GIT_SHA=unknown
ARG BUILD_DATE=unknown
LABEL org.opencontainers.image.title="Meritocrab" \
      org.opencontainers.image.description="GitHub App server that keeps a credit ledger per contributor per repository" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${GIT_SHA}" \
      org.opencontainers.image.created="${BUILD_DATE}"

EXPOSE 9080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS "http://localhost:${MERITOCRAB_HTTP_PORT}/health/ready" > /dev/null || exit 1

#!/bin/sh
# Runs the WAR the build made (target/meritocrab.war, unchanged) on Payara Micro, configured by the
# same environment variables as on Liberty (README, "Configuration"). Needs the runtime and the JDBC
# drivers in target/payara: `mvn -DskipTests package dependency:copy@payara-runtime`.
#
# MERITOCRAB_DB_URL unset: the embedded H2 database under $MERITOCRAB_PAYARA_HOME/data, as `mvn
# liberty:run` keeps it under the server's data directory. Extra arguments go to Payara Micro.
set -eu

project=$(cd "$(dirname "$0")/../../.." && pwd)
runtime=$project/target/payara
home=${MERITOCRAB_PAYARA_HOME:-$runtime/server}
war=${MERITOCRAB_WAR:-$project/target/meritocrab.war}

for file in "$runtime/payara-micro.jar" "$war"; do
    if [ ! -f "$file" ]; then
        echo "$file is missing: run mvn -DskipTests package dependency:copy@payara-runtime" >&2
        exit 1
    fi
done

# Payara keeps its configuration in the runtime directory: a fresh one each start, so that the
# datasource below is always the one the environment describes now.
rm -rf "$home/runtime"
mkdir -p "$home/data" "$home/runtime"
# The application keeps its generated secrets relative to the working directory (data/), like on Liberty.
cd "$home"

if [ -z "${MERITOCRAB_DB_URL:-}" ]; then
    url="jdbc:h2:file:$home/data/meritocrab;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
    datasource=org.h2.jdbcx.JdbcDataSource
else
    url=$MERITOCRAB_DB_URL
    datasource=org.postgresql.ds.PGSimpleDataSource
fi

# asadmin property values: a backslash escapes ':' and '=' (and itself).
escape() {
    printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'
}

# The datasource the application looks up (jdbc/meritocrab), as Liberty's meritocrab.xml defines it.
# The file holds the database password: readable by this user only.
commands=$home/post-boot-commands.asadmin
umask 077
cat > "$commands" <<COMMANDS
create-jdbc-connection-pool --datasourceclassname=$datasource --restype=javax.sql.DataSource --isolationlevel=read-committed --maxpoolsize=${MERITOCRAB_DB_POOL_SIZE:-40} --steadypoolsize=2 --maxwait=10000 --property "user=$(escape "${MERITOCRAB_DB_USER:-meritocrab}"):password=$(escape "${MERITOCRAB_DB_PASSWORD:-meritocrab}"):url=$(escape "$url")" meritocrabPool
create-jdbc-resource --connectionpoolid=meritocrabPool jdbc/meritocrab
COMMANDS
umask 022

# Jersey sends GitHub's PATCH (closing a PR) through HttpURLConnection by reflection, also into the
# HTTPS connection's delegate, which Payara Micro's manifest does not open. JAVA_OPTS holds several
# options, so it is split into words on purpose.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} --add-opens java.base/sun.net.www.protocol.https=ALL-UNNAMED \
    -jar "$runtime/payara-micro.jar" \
    --nocluster \
    --rootdir "$home/runtime" \
    --port "${MERITOCRAB_HTTP_PORT:-9080}" \
    --sslport "${MERITOCRAB_HTTPS_PORT:-9443}" \
    --addlibs "$runtime/lib/postgresql.jar:$runtime/lib/h2.jar" \
    --postbootcommandfile "$commands" \
    --deploy "$war" \
    --contextroot / \
    "$@"

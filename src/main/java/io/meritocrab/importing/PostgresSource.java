package io.meritocrab.importing;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The original meritocrab's server-mode database on PostgreSQL, named by a plain
 * {@code jdbc:postgresql://host[:port]/database} URL: parameters are refused, since some of the
 * driver's make it load classes or files. The password is used to connect and nowhere else; it is
 * taken out of any message that might have echoed it.
 */
final class PostgresSource {

    private static final Pattern URL = Pattern.compile(
            "jdbc:postgresql://[A-Za-z0-9.\\-]+(?::[0-9]{1,5})?/[A-Za-z0-9_\\-]+");

    private PostgresSource() {
    }

    static OriginalLedger read(String url, String user, String password) {
        if (url == null || !URL.matcher(url).matches()) {
            throw ImportRefused.badInput("url must look like jdbc:postgresql://host:5432/database (no parameters)");
        }
        if (user == null || user.isBlank()) {
            throw ImportRefused.badInput("user is required");
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("readOnly", "true");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "120");
        try (Connection connection = driver().connect(url, properties)) {
            connection.setReadOnly(true);
            return OriginalDatabaseReader.read(connection);
        } catch (SQLException e) {
            throw ImportRefused.badInput("could not read the PostgreSQL database: " + hide(e.getMessage(), password));
        }
    }

    static String hide(String message, String password) {
        if (message == null) {
            return "no detail";
        }
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }

    /** The server's PostgreSQL driver (the one the data source uses), by its class. */
    private static Driver driver() {
        try {
            return (Driver) Class.forName("org.postgresql.Driver", true,
                    Thread.currentThread().getContextClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ImportRefused(501, "this server has no PostgreSQL driver the application can use");
        }
    }
}

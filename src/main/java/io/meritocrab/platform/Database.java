package io.meritocrab.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's database, as every table owner reaches it. Inside a JTA transaction a connection takes
 * part in it (it is shared with JPA's, so one transaction commits both). Outside one, each connection is the
 * caller's own and goes back to the pool when it is closed.
 *
 * <p>Why two kinds: Liberty keeps a shareable connection used outside a JTA transaction until the thread's
 * local transaction containment ends, and on the long-running worker threads it never ends. That was
 * harmless while the database answered (the thread kept reusing one connection), but when PostgreSQL went
 * away each failed attempt left a dead connection held for good, until the pool had none left and the
 * workers waited forever after the database was back (J2CA0045E).
 */
@ApplicationScoped
public class Database implements DataSource {

    @Resource(lookup = "jdbc/meritocrab")
    DataSource shareable;
    @Resource(lookup = "jdbc/meritocrab", shareable = false)
    DataSource unshareable;
    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public Connection getConnection() throws SQLException {
        return current().getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return current().getConnection(user, password);
    }

    private DataSource current() {
        return transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION ? unshareable : shareable;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return shareable.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        throw new SQLFeatureNotSupportedException("the container's data source is configured in server.xml");
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("the container's data source is configured in server.xml");
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return shareable.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return shareable.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return current().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return current().isWrapperFor(type);
    }
}

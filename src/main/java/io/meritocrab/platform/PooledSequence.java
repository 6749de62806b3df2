package io.meritocrab.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids from a database sequence handed out in blocks, as JPA's pooled generators hand them out: the sequence
 * advances by a block per {@code nextval} (its {@code INCREMENT BY}), and the ids up to the next block are
 * this server's alone. One statement then serves a block of rows instead of one statement per row. Ids
 * are unique across servers but, with several servers, not in the order rows were written.
 */
public final class PooledSequence {

    private final String nextValue;
    private final int blockSize;
    private long next;
    private long end;

    /** @param blockSize the sequence's {@code INCREMENT BY}, as its migration created it */
    public PooledSequence(String sequence, int blockSize) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        this.nextValue = "SELECT nextval('" + sequence + "')";
        this.blockSize = blockSize;
    }

    /** The next id: from this server's block, or from a new block read on {@code connection}. */
    public synchronized long next(Connection connection) throws SQLException {
        if (next == end) {
            try (PreparedStatement statement = connection.prepareStatement(nextValue);
                 ResultSet row = statement.executeQuery()) {
                row.next();
                next = row.getLong(1);
                end = next + blockSize;
            }
        }
        return next++;
    }
}

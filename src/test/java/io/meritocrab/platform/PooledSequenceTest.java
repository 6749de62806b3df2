package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pooled ids on the outbox's sequences as the migrations create them (H2, PostgreSQL mode). */
class PooledSequenceTest {

    private JdbcDataSource database;

    @BeforeEach
    void migratedDatabase() {
        database = MigratedH2.named("pooled");
    }

    @Test
    void twoServersTakeBlocksOfTheSequenceAndNeverTheSameId() throws SQLException {
        PooledSequence one = new PooledSequence("enforcement_action_seq", 50);
        PooledSequence other = new PooledSequence("enforcement_action_seq", 50);
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            for (int i = 0; i < 50; i++) {
                ids.add(one.next(connection));
            }
            long othersFirst = other.next(connection);
            ids.add(othersFirst);
            long onesNextBlock = one.next(connection);
            ids.add(onesNextBlock);

            assertThat(ids.subList(0, 50)).as("one block, one nextval: consecutive ids").isSorted()
                    .containsExactlyElementsOf(range(ids.get(0), 50));
            assertThat(othersFirst).as("the other server's block starts after the first's").isEqualTo(ids.get(0) + 50);
            assertThat(onesNextBlock).isEqualTo(ids.get(0) + 100);
            assertThat(new HashSet<>(ids)).hasSize(ids.size());
        }
    }

    @Test
    void onlyASequenceNameIsPutIntoTheStatement() {
        assertThatThrownBy(() -> new PooledSequence("x'); DROP TABLE delivery; --", 50))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Long> range(long from, int count) {
        List<Long> values = new ArrayList<>();
        for (long value = from; value < from + count; value++) {
            values.add(value);
        }
        return values;
    }
}

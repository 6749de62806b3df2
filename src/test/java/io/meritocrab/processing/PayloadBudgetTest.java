package io.meritocrab.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.inbox.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadBudgetTest {

    private static final long MB = 1024 * 1024;

    @Test
    void ordinaryDeliveriesAllFit() {
        List<Claim> leased = List.of(claim(1, 25_000), claim(2, 22_000), claim(3, 30_000));

        assertThat(PayloadBudget.leadingWithin(leased, PayloadBudget.BYTES_PER_BATCH)).isEqualTo(leased);
    }

    @Test
    void theLeaseIsCutWhereThePayloadsWouldPassTheBudget() {
        List<Claim> leased = List.of(claim(1, 10 * MB), claim(2, 15 * MB), claim(3, 10 * MB), claim(4, 1));

        assertThat(PayloadBudget.leadingWithin(leased, 32 * MB)).extracting(Claim::id).containsExactly(1L, 2L);
    }

    @Test
    void aPayloadLargerThanTheBudgetIsStillAppliedAlone() {
        List<Claim> leased = List.of(claim(1, 25 * MB), claim(2, 25 * MB));

        assertThat(PayloadBudget.leadingWithin(leased, 16 * MB)).extracting(Claim::id).containsExactly(1L);
    }

    private static Claim claim(long id, long payloadBytes) {
        return new Claim(id, "delivery-" + id, "pull_request", 1, 1L, 2L, payloadBytes);
    }
}

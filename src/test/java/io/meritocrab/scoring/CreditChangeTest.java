package io.meritocrab.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CreditChangeTest {

    @Test
    void appliesTheWholeDeltaWhenCreditSuffices() {
        CreditChange cut = CreditChange.of(100, -25);

        assertThat(cut).isEqualTo(new CreditChange(100, -25, -25, 75));
    }

    @Test
    void clampsAtZeroAndKeepsTheRequestedDelta() {
        CreditChange cut = CreditChange.of(10, -25);

        assertThat(cut.creditBefore()).isEqualTo(10);
        assertThat(cut.requestedDelta()).isEqualTo(-25);
        assertThat(cut.appliedDelta()).isEqualTo(-10);
        assertThat(cut.creditAfter()).isZero();
    }

    @Test
    void takesNothingFromZeroCredit() {
        CreditChange cut = CreditChange.of(0, -5);

        assertThat(cut).isEqualTo(new CreditChange(0, -5, 0, 0));
    }

    @Test
    void reachingExactlyZeroIsNotClamped() {
        assertThat(CreditChange.of(25, -25)).isEqualTo(new CreditChange(25, -25, -25, 0));
    }

    @Test
    void appliesPositiveDeltasInFull() {
        assertThat(CreditChange.of(100, 15)).isEqualTo(new CreditChange(100, 15, 15, 115));
        assertThat(CreditChange.of(0, 5)).isEqualTo(new CreditChange(0, 5, 5, 5));
    }

    @Test
    void zeroDeltaChangesNothing() {
        assertThat(CreditChange.of(42, 0)).isEqualTo(new CreditChange(42, 0, 0, 42));
    }

    @Test
    void clampsAtIntegerMaxInsteadOfOverflowing() {
        CreditChange cut = CreditChange.of(Integer.MAX_VALUE - 5, 20);

        assertThat(cut.creditAfter()).isEqualTo(Integer.MAX_VALUE);
        assertThat(cut.appliedDelta()).isEqualTo(5);
        assertThat(cut.requestedDelta()).isEqualTo(20);
    }

    @Test
    void clampsAtIntegerMaxForTheLargestDelta() {
        CreditChange cut = CreditChange.of(Integer.MAX_VALUE, Integer.MAX_VALUE);

        assertThat(cut).isEqualTo(new CreditChange(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, Integer.MAX_VALUE));
    }

    @Test
    void clampsAtZeroForTheSmallestDelta() {
        assertThat(CreditChange.of(Integer.MAX_VALUE, Integer.MIN_VALUE))
                .isEqualTo(new CreditChange(Integer.MAX_VALUE, Integer.MIN_VALUE, -Integer.MAX_VALUE, 0));
        assertThat(CreditChange.of(0, Integer.MIN_VALUE))
                .isEqualTo(new CreditChange(0, Integer.MIN_VALUE, 0, 0));
    }

    @Test
    void rejectsNegativeCreditBefore() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CreditChange.of(-1, 5))
                .withMessageContaining("-1");
    }

    /** Property: folding changes over random delta sequences never leaves credit negative and stays consistent. */
    @Test
    void foldingRandomDeltaSequencesKeepsCreditConsistentAndNonNegative() {
        int[] typicalDeltas = {-25, -10, -5, -2, 1, 3, 5, 15, 20};
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            int credit = 100;
            int steps = 1 + random.nextInt(200);
            for (int step = 0; step < steps; step++) {
                int delta = random.nextInt(10) == 0
                        ? random.nextInt(401) - 200
                        : typicalDeltas[random.nextInt(typicalDeltas.length)];

                CreditChange cut = CreditChange.of(credit, delta);

                String where = "seed " + seed + " step " + step + " credit " + credit + " delta " + delta;
                assertThat(cut.creditBefore()).as(where).isEqualTo(credit);
                assertThat(cut.requestedDelta()).as(where).isEqualTo(delta);
                assertThat(cut.creditAfter()).as(where).isGreaterThanOrEqualTo(0);
                assertThat(cut.creditAfter()).as(where).isEqualTo(cut.creditBefore() + cut.appliedDelta());
                if (credit + delta >= 0) {
                    assertThat(cut.appliedDelta()).as(where).isEqualTo(delta);
                } else {
                    assertThat(cut.creditAfter()).as(where).isZero();
                    assertThat(cut.appliedDelta()).as(where).isEqualTo(-credit);
                }
                credit = cut.creditAfter();
            }
        }
    }
}

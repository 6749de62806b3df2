package io.meritocrab.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class PayloadRetentionTest {

    @Test
    void agesAreIsoPeriodsOrDurations() {
        assertThat(PayloadRetention.parseAge("P30D")).isEqualTo(Duration.ofDays(30));
        assertThat(PayloadRetention.parseAge("p1m")).isEqualTo(Duration.ofDays(30));
        assertThat(PayloadRetention.parseAge("PT12H")).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> PayloadRetention.parseAge("30 days")).isInstanceOf(DateTimeParseException.class);
    }
}

package io.meritocrab.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresSourceTest {

    @Test
    void onlyAPlainPostgresqlUrlIsAccepted() {
        for (String url : new String[] {"jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil'",
                "jdbc:postgresql://db:5432/meritocrab?socketFactory=x.Y&socketFactoryArg=z",
                "jdbc:postgresql://db/meritocrab;x", "postgresql://db/meritocrab"}) {
            assertThatThrownBy(() -> PostgresSource.read(url, "u", "p"))
                    .as(url).isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.status()).isEqualTo(400))
                    .hasMessageContaining("jdbc:postgresql://host:5432/database");
        }
    }

    @Test
    void thePasswordIsTakenOutOfMessages() {
        assertThat(PostgresSource.hide("FATAL: password s3cr3t-pw rejected", "s3cr3t-pw"))
                .isEqualTo("FATAL: password *** rejected");
    }
}

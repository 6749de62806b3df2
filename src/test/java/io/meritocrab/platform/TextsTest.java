package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void aStorableTextFitsItsColumnAndHoldsNoNulThatPostgreSqlWouldRefuse() {
        assertThat(Texts.storable("z".repeat(300), 64)).hasSize(64);
        assertThat(Texts.storable("crea\u0000ted", 64)).isEqualTo("crea\uFFFDted").isNotEqualTo("created");
        assertThat(Texts.storable(null, 64)).isNull();
        assertThat(Texts.storable("opened", 64)).isEqualTo("opened");
    }
}

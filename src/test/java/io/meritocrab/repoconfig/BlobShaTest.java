package io.meritocrab.repoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlobShaTest {

    @Test
    void matchesGitHashObject() {
        // printf 'hello\n' | git hash-object --stdin
        assertThat(BlobSha.of("hello\n")).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
        // git hash-object /dev/null
        assertThat(BlobSha.of("")).isEqualTo("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }
}

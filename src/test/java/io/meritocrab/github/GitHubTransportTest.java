package io.meritocrab.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GitHubTransportTest {

    @Test
    void anAnswerUpToTheLimitIsReadWholeAsUtf8() throws Exception {
        String diff = "diff --git a/ü.txt b/ü.txt\n+größer\n";
        assertThat(GitHubTransport.body(new ByteArrayInputStream(diff.getBytes(StandardCharsets.UTF_8)), "read diff"))
                .isEqualTo(diff);
        byte[] atLimit = new byte[GitHubTransport.MAX_ANSWER_BYTES];
        assertThat(GitHubTransport.body(new ByteArrayInputStream(atLimit), "read diff")).hasSize(atLimit.length);
    }

    @Test
    void anAnswerOverTheLimitIsRefusedAfterReadingOneByteMoreThanTheLimit() {
        CountingEndlessStream endless = new CountingEndlessStream();
        assertThatThrownBy(() -> GitHubTransport.body(endless, "read diff of a/b#7"))
                .isInstanceOf(GitHubException.class)
                .hasMessage("read diff of a/b#7: GitHub's answer is over 16 MB, more than this server reads")
                .satisfies(e -> assertThat(((GitHubException) e).retryable()).isFalse());
        assertThat(endless.read).isEqualTo(GitHubTransport.MAX_ANSWER_BYTES + 1L);
        assertThat(endless.closed).isTrue();
    }

    /** An answer that never ends, as a hostile or broken peer could send. */
    private static final class CountingEndlessStream extends InputStream {
        long read;
        boolean closed;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            read += length;
            Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            return length;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

package io.meritocrab.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliveryPayloadsTest {

    @Test
    void namesTheActionRepositorySenderSubjectAndSize() {
        byte[] payload = ("{\"action\":\"created\",\"repository\":{\"full_name\":\"acme/widgets\"},"
                + "\"sender\":{\"login\":\"octocat\"},\"issue\":{\"number\":4,\"title\":\"Crash\"},"
                + "\"comment\":{\"body\":\"  +1\\n\\nsame here \",\"user\":{\"login\":\"octocat\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        String summary = DeliveryPayloads.summary(payload);

        assertThat(summary).contains("action: created").contains("repository: acme/widgets").contains("sender: octocat")
                .contains("issue #4").contains("issue title: Crash").contains("comment: +1 same here")
                .contains(payload.length + " bytes");
    }

    @Test
    void longTextIsCutAndBrokenPayloadsAreSaidToBe() {
        String body = "x".repeat(500);
        String summary = DeliveryPayloads.summary(("{\"comment\":{\"body\":\"" + body + "\"}}").getBytes(StandardCharsets.UTF_8));

        assertThat(summary).contains("x".repeat(200) + "…").doesNotContain("x".repeat(201));
        assertThat(DeliveryPayloads.summary("{nope".getBytes(StandardCharsets.UTF_8))).contains("not valid JSON");
        assertThat(DeliveryPayloads.summary("[1]".getBytes(StandardCharsets.UTF_8))).contains("not a JSON object");
        assertThat(DeliveryPayloads.summary(null)).isEqualTo("no payload stored");
    }
}

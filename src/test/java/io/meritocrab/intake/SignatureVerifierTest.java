package io.meritocrab.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class SignatureVerifierTest {

    private static final String SECRET = "s3cr3t-webhook-key";
    private static final byte[] BODY = "{\"action\":\"opened\",\"number\":7,\"text\":\"h\u00e9llo \u2603\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final SignatureVerifier cut = new SignatureVerifier(SECRET);

    /** Computed independently of the class under test. */
    private static String hmacHex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void verifiesAnIndependentlyComputedSignature() throws Exception {
        assertThat(cut.verify(BODY, "sha256=" + hmacHex(SECRET, BODY))).isTrue();
    }

    @Test
    void verifiesGitHubsDocumentedExample() {
        SignatureVerifier github = new SignatureVerifier("It's a Secret to Everybody");
        byte[] payload = "Hello, World!".getBytes(StandardCharsets.UTF_8);

        assertThat(github.verify(payload,
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isTrue();
        assertThat(github.sign(payload))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() throws Exception {
        assertThat(cut.verify(BODY, "sha256=" + hmacHex(SECRET + "x", BODY))).isFalse();
    }

    @Test
    void rejectsWhenOneBodyByteIsFlipped() throws Exception {
        String header = "sha256=" + hmacHex(SECRET, BODY);
        for (int i = 0; i < BODY.length; i++) {
            byte[] tampered = BODY.clone();
            tampered[i] ^= 0x01;
            assertThat(cut.verify(tampered, header)).as("byte %d flipped", i).isFalse();
        }
    }

    @Test
    void rejectsAnEmptyBodyWithTheSignatureOfAnother() throws Exception {
        assertThat(cut.verify(new byte[0], "sha256=" + hmacHex(SECRET, BODY))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingHeader(String header) {
        assertThat(cut.verify(BODY, header)).isFalse();
    }

    @Test
    void rejectsADigestWithoutThePrefix() throws Exception {
        String hex = hmacHex(SECRET, BODY);

        assertThat(cut.verify(BODY, hex)).isFalse();
        assertThat(cut.verify(BODY, "sha256" + hex)).isFalse();
        assertThat(cut.verify(BODY, "sha256:" + hex)).isFalse();
        assertThat(cut.verify(BODY, "1234567" + hex)).isFalse();
    }

    @Test
    void rejectsWrongLengths() throws Exception {
        String hex = hmacHex(SECRET, BODY);

        assertThat(cut.verify(BODY, "sha256=" + hex.substring(0, 62))).isFalse();
        assertThat(cut.verify(BODY, "sha256=" + hex.substring(0, 63))).isFalse();
        assertThat(cut.verify(BODY, "sha256=" + hex + "0")).isFalse();
        assertThat(cut.verify(BODY, "sha256=" + hex + "00")).isFalse();
        assertThat(cut.verify(BODY, " sha256=" + hex)).isFalse();
        assertThat(cut.verify(BODY, "sha256=" + hex + " ")).isFalse();
        assertThat(cut.verify(BODY, "sha256=")).isFalse();
    }

    @Test
    void rejectsNonHexCharactersOfTheRightLength() throws Exception {
        String hex = hmacHex(SECRET, BODY);

        assertThat(cut.verify(BODY, "sha256=" + "g" + hex.substring(1))).isFalse();
        assertThat(cut.verify(BODY, "sha256=" + hex.substring(0, 63) + "z")).isFalse();
        assertThat(cut.verify(BODY, "sha256=" + hex.substring(0, 30) + "-+" + hex.substring(32))).isFalse();
        assertThat(cut.verify(BODY, "sha256=" + "x".repeat(64))).isFalse();
    }

    @Test
    void rejectsSha1Signatures() throws Exception {
        Mac sha1 = Mac.getInstance("HmacSHA1");
        sha1.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String sha1Hex = HexFormat.of().formatHex(sha1.doFinal(BODY));

        assertThat(cut.verify(BODY, "sha1=" + sha1Hex)).isFalse();
        // the right digest under the wrong algorithm name is not accepted either
        assertThat(cut.verify(BODY, "sha1=" + hmacHex(SECRET, BODY))).isFalse();
    }

    @Test
    void acceptsUppercaseHexDigits() throws Exception {
        String upper = hmacHex(SECRET, BODY).toUpperCase(Locale.ROOT);
        assertThat(upper).matches(".*[A-F].*");

        assertThat(cut.verify(BODY, "sha256=" + upper)).isTrue();
    }

    @Test
    void signProducesTheHeaderGitHubWouldSend() throws Exception {
        String header = cut.sign(BODY);

        assertThat(header).isEqualTo("sha256=" + hmacHex(SECRET, BODY));
        assertThat(header).matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void signedHeadersRoundTrip() {
        for (String text : new String[] {"", "{}", "Hello, World!", "x".repeat(10_000)}) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            assertThat(cut.verify(body, cut.sign(body))).as("body of %d bytes", body.length).isTrue();
        }
    }

    @Test
    void signedHeaderDoesNotVerifyUnderAnotherSecret() {
        SignatureVerifier other = new SignatureVerifier("another secret");

        assertThat(other.verify(BODY, cut.sign(BODY))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAnEmptySecret(String secret) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignatureVerifier(secret));
    }
}

package io.meritocrab.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsCheckTest {

    private static String pkcs8Pem;
    private static String pkcs1Pem;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        // A 2048-bit PKCS#8 key: 4-byte SEQUENCE header, version, rsaEncryption, 4-byte OCTET STRING header.
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        pkcs8Pem = pem("PRIVATE KEY", pkcs8);
        pkcs1Pem = pem("RSA PRIVATE KEY", pkcs1);
    }

    @Test
    void theEmbeddedDefaultNeedsNothing() {
        assertThat(SettingsCheck.problems(settings(true, null, null, null, null))).isEmpty();
    }

    @Test
    void outsideTheEmbeddedDefaultSecretAppIdAndKeyAreRequired() {
        assertThat(SettingsCheck.problems(settings(false, null, null, null, null))).containsExactly(
                "MERITOCRAB_GITHUB_WEBHOOK_SECRET is not set", "MERITOCRAB_GITHUB_APP_ID is not set",
                "MERITOCRAB_GITHUB_PRIVATE_KEY is not set");
    }

    @Test
    void aCompleteProductionConfigurationPasses() {
        assertThat(SettingsCheck.problems(settings(false, "s3cret", "12345", pkcs1Pem, "rules"))).isEmpty();
    }

    @Test
    void pkcs1AndPkcs8KeysAreAcceptedAsTextOrFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.pem"), pkcs8Pem);

        assertThat(SettingsCheck.problems(settings(false, "s3cret", "12345", pkcs1Pem, null))).isEmpty();
        assertThat(SettingsCheck.problems(settings(false, "s3cret", "12345", pkcs8Pem, null))).isEmpty();
        assertThat(SettingsCheck.problems(settings(false, "s3cret", "12345", file.toString(), null))).isEmpty();
        assertThat(SettingsCheck.problems(settings(false, "s3cret", "12345", pkcs8Pem.replace("\n", "\\n"), null)))
                .isEmpty();
    }

    @Test
    void aMalformedKeyIsNamedWithoutItsValue() {
        String damaged = pkcs1Pem.substring(0, 200) + "AAAA" + pkcs1Pem.substring(260);

        List<String> problems = SettingsCheck.problems(settings(false, "s3cret", "12345", damaged, null));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("MERITOCRAB_GITHUB_PRIVATE_KEY").doesNotContain(damaged.substring(40, 80));
    }

    @Test
    void aKeyPathThatIsNoFileIsAProblem() {
        assertThat(SettingsCheck.problems(settings(false, "s3cret", "12345", "/no/such/key.pem", null)))
                .singleElement().asString().startsWith("MERITOCRAB_GITHUB_PRIVATE_KEY: ");
    }

    @Test
    void theAppIdMustBeANumber() {
        assertThat(SettingsCheck.problems(settings(false, "s3cret", "my-app", pkcs8Pem, null)))
                .containsExactly("MERITOCRAB_GITHUB_APP_ID is not a GitHub App id (a positive number)");
    }

    @Test
    void anUnknownLlmProviderIsAProblemEvenOnTheEmbeddedDefault() {
        assertThat(SettingsCheck.problems(settings(true, null, null, null, "gpt-9000")))
                .containsExactly("MERITOCRAB_LLM_PROVIDER is not one of rules, anthropic, openai, openai-compatible, "
                        + "mock (or the original's claude)");
    }

    @Test
    void theOriginalsClaudeIsAnthropicAndNeedsItsApiKey() {
        assertThat(SettingsCheck.problems(settings(true, null, null, null, "Claude")))
                .containsExactly("MERITOCRAB_LLM_API_KEY is not set (the LLM provider anthropic needs it)");
    }

    @Test
    void theMockProviderNeedsNoKeyButAKnownClassification() {
        assertThat(SettingsCheck.problems(settings(true, null, null, null, "mock"))).isEmpty();
        SettingsCheck.Settings highQuality = new SettingsCheck.Settings(true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("mock"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("high_quality"));
        SettingsCheck.Settings unknown = new SettingsCheck.Settings(true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("mock"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("excellent"));

        assertThat(SettingsCheck.problems(highQuality)).isEmpty();
        assertThat(SettingsCheck.problems(unknown))
                .containsExactly("MERITOCRAB_LLM_DEFAULT_CLASSIFICATION is not spam, low, acceptable or high");
    }

    @Test
    void aHostedLlmProviderNeedsItsApiKey() {
        assertThat(SettingsCheck.problems(settings(true, null, null, null, "anthropic")))
                .containsExactly("MERITOCRAB_LLM_API_KEY is not set (the LLM provider anthropic needs it)");
    }

    @Test
    void aHostedProviderBehindAnotherUrlMayGoWithoutKey() {
        SettingsCheck.Settings settings = new SettingsCheck.Settings(true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("openai"), Optional.empty(), Optional.of("http://llm-proxy:8080/v1"),
                Optional.empty(), Optional.empty());

        assertThat(SettingsCheck.problems(settings)).isEmpty();
    }

    @Test
    void aMalformedRetentionAgeIsAProblem() {
        SettingsCheck.Settings settings = new SettingsCheck.Settings(true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("30 days"), Optional.empty());

        assertThat(SettingsCheck.problems(settings)).singleElement().asString().startsWith("MERITOCRAB_RETENTION_PAYLOAD_AGE");
    }

    private static SettingsCheck.Settings settings(boolean embedded, String secret, String appId, String key,
                                                   String provider) {
        return new SettingsCheck.Settings(embedded, Optional.ofNullable(secret), Optional.ofNullable(appId),
                Optional.ofNullable(key), Optional.ofNullable(provider), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

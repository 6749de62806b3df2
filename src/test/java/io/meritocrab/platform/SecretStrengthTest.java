package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class SecretStrengthTest {

    private static final String STRONG = "3f0c9e6a1b7d4c28a5e2f19b0d7c6a43";

    @Test
    void strongSecretsPass() {
        assertThat(SecretStrength.problems(false, Map.of(SecretStrength.WEBHOOK_SECRET, Optional.of(STRONG),
                SecretStrength.ADMIN_TOKEN, Optional.of(STRONG + "x"), SecretStrength.DB_PASSWORD,
                Optional.of("postgres")))).isEmpty();
    }

    @Test
    void aSecretOrTokenShorterThan32CharactersIsRefusedByName() {
        assertThat(SecretStrength.problems(false, Map.of(
                SecretStrength.WEBHOOK_SECRET, Optional.of(STRONG.substring(1)),
                SecretStrength.ADMIN_TOKEN, Optional.of("s3cret-token"))))
                .containsExactly(
                        "MERITOCRAB_ADMIN_TOKEN is shorter than 32 characters; set a random value (e.g. openssl rand -hex 32)",
                        "MERITOCRAB_GITHUB_WEBHOOK_SECRET is shorter than 32 characters; set a random value "
                                + "(e.g. openssl rand -hex 32)");
    }

    @Test
    void knownPlaceholdersAreRefusedWhateverTheirLengthAndNeverQuoted() {
        String longPlaceholder = "please-change-me-before-going-to-production";

        assertThat(SecretStrength.problems(false, Map.of(SecretStrength.WEBHOOK_SECRET, Optional.of(longPlaceholder),
                SecretStrength.DB_PASSWORD, Optional.of("Change-Me"))))
                .hasSize(2)
                .allSatisfy(problem -> assertThat(problem).contains("is a known placeholder")
                        .doesNotContainIgnoringCase("change-me"));
    }

    @Test
    void theEmbeddedDefaultAndUnsetValuesAreNotChecked() {
        assertThat(SecretStrength.problems(true, Map.of(SecretStrength.ADMIN_TOKEN, Optional.of("change-me")))).isEmpty();
        assertThat(SecretStrength.problems(false, Map.of(SecretStrength.ADMIN_TOKEN, Optional.empty()))).isEmpty();
    }

    @Test
    void theKubernetesSecretShipsNoValueTheServerAccepts() throws IOException {
        Map<String, Object> secret;
        try (Reader reader = Files.newBufferedReader(Path.of("deploy/k8s/secret.yaml"))) {
            secret = new Yaml().load(reader);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) secret.get("stringData");
        Map<String, Optional<String>> shipped = data.entrySet().stream()
                .filter(e -> e.getKey().equals(SecretStrength.WEBHOOK_SECRET) || e.getKey().equals(SecretStrength.ADMIN_TOKEN)
                        || e.getKey().equals(SecretStrength.DB_PASSWORD))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Optional.of(String.valueOf(e.getValue()))));

        assertThat(shipped).hasSize(3);
        assertThat(SecretStrength.problems(false, shipped)).hasSize(3);
    }
}

package io.meritocrab.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GitHubSettingsTest {

    @Test
    void graphQlSitsBesideTheRestApiOnGitHubCom() {
        assertThat(GitHubSettings.graphqlBase(URI.create("https://api.github.com")))
                .isEqualTo(URI.create("https://api.github.com"));
    }

    @Test
    void graphQlIsUnderApiOnGitHubEnterpriseServer() {
        assertThat(GitHubSettings.graphqlBase(URI.create("https://github.example.com/api/v3")))
                .isEqualTo(URI.create("https://github.example.com/api"));
    }
}

package io.meritocrab.console;

import io.meritocrab.repoconfig.EffectiveConfig;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repos.TrackedRepository;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A repository's effective settings, where each comes from, and what went wrong loading `.meritocrab.toml`. */
@Named("repositoryConfig")
@ViewScoped
public class RepositoryConfigPage extends RepositoryPage {

    private static final long serialVersionUID = 1L;

    @Inject
    RepositoryConfigs configs;

    private EffectiveConfig config;

    public void load() {
        TrackedRepository repository = open();
        if (repository != null) {
            config = configs.effective(repository.id());
        }
    }

    public EffectiveConfig getConfig() {
        return config;
    }
}

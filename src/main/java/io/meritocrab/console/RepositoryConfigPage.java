package io.meritocrab.console;

import io.meritocrab.admin.RepositoryConfigQueries;
import io.meritocrab.admin.Views;
import io.meritocrab.repos.TrackedRepository;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A repository's effective settings, where each comes from, and the last error loading its config file. */
@Named("repositoryConfig")
@ViewScoped
public class RepositoryConfigPage extends RepositoryPage {

    private static final long serialVersionUID = 1L;

    @Inject
    RepositoryConfigQueries configs;

    private Views.RepositoryConfig config;

    public void load() {
        TrackedRepository repository = open();
        if (repository != null) {
            config = configs.of(repository);
        }
    }

    public Views.RepositoryConfig getConfig() {
        return config;
    }
}

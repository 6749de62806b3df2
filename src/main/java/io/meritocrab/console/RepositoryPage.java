package io.meritocrab.console;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.access.NotAllowedException;
import io.meritocrab.access.RepositoryAccess;
import io.meritocrab.repos.TrackedRepository;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * A screen about one repository, named by the `repo` parameter (owner/name). Every load and every action
 * checks again that the user maintains it; a repository they may not see is "not found".
 */
public abstract class RepositoryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RepositoryAccess access;
    @Inject
    CurrentUser currentUser;

    private String repo;

    public String getRepo() {
        return repo;
    }

    public void setRepo(String repo) {
        this.repo = repo;
    }

    /** The repository, or null after answering 404. */
    protected TrackedRepository open() {
        try {
            return repository();
        } catch (NotAllowedException e) {
            Pages.notFound(e.getMessage());
            return null;
        }
    }

    protected TrackedRepository repository() {
        return access.require(currentUser.require(), repo == null ? "" : repo.strip());
    }

    protected String actor() {
        return currentUser.require().login();
    }
}

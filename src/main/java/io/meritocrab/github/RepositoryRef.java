package io.meritocrab.github;

/** A repository as the App reaches it: through the installation it belongs to, by its current name. */
public record RepositoryRef(long installationId, String fullName) {

    public String owner() {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    public String name() {
        return fullName.substring(fullName.indexOf('/') + 1);
    }
}

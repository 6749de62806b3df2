package io.meritocrab.repoconfig;

import io.meritocrab.github.RepositoryRef;

/** A push changed a repository's `.meritocrab.toml`; it is reloaded once the push's transaction commits. */
record ConfigChanged(long repositoryId, RepositoryRef repository) {
}

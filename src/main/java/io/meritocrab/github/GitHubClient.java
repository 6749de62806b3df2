package io.meritocrab.github;

import io.meritocrab.platform.ExpiringCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the server asks of GitHub, as the App, through the installation that serves a repository.
 * Every method throws {@link GitHubException} when GitHub cannot be reached or refuses.
 */
@ApplicationScoped
public class GitHubClient {

    private static final int DELIVERIES_PAGE = 100;
    /** Roles and memberships remembered at once: logins are chosen by whoever comments or signs in. */
    private static final int MAX_CACHED = 50_000;

    @Inject
    GitHubCalls calls;
    @Inject
    GitHubSettings settings;

    private final Clock clock = Clock.systemUTC();
    private final ExpiringCache<String, RepositoryRole> roles = new ExpiringCache<>(MAX_CACHED);
    private final ExpiringCache<String, Boolean> memberships = new ExpiringCache<>(MAX_CACHED);
    private final ExpiringCache<String, Boolean> owners = new ExpiringCache<>(MAX_CACHED);

    /** The user's role on the repository when it is cached; nothing is asked of GitHub. */
    public Optional<RepositoryRole> cachedRoleOf(RepositoryRef repository, String login) {
        return roles.get(roleKey(repository, login), clock.instant());
    }

    /** The user's role on the repository (GitHub's collaborator permission), cached for a few minutes. */
    public RepositoryRole roleOf(RepositoryRef repository, String login) {
        String key = roleKey(repository, login);
        Optional<RepositoryRole> cached = roles.get(key, clock.instant());
        if (cached.isPresent()) {
            return cached.get();
        }
        GitHubAnswer answer = calls.execute(GitHubCall.read("read permission of " + login + " on "
                + repository.fullName(), repository.installationId(), (api, auth) ->
                api.collaboratorPermission(repository.owner(), repository.name(), login, auth)));
        RepositoryRole role;
        if (answer.status() == 404) {
            role = RepositoryRole.NONE;
        } else {
            JsonObject json = expectOk(answer, "read permission").json();
            String name = json.getString("role_name", null);
            role = RepositoryRole.of(name != null ? name : json.getString("permission", null));
        }
        Instant now = clock.instant();
        roles.put(key, role, now.plus(settings.roleCache()), now);
        return role;
    }

    private static String roleKey(RepositoryRef repository, String login) {
        return repository.installationId() + ":" + lower(repository.fullName()) + ":" + lower(login);
    }

    /** Whether the user is a member of the organisation (as the installation can see), cached briefly. */
    public boolean isOrganisationMember(long installationId, String organisation, String login) {
        String key = installationId + ":" + lower(organisation) + ":" + lower(login);
        Optional<Boolean> cached = memberships.get(key, clock.instant());
        if (cached.isPresent()) {
            return cached.get();
        }
        GitHubAnswer answer = calls.execute(GitHubCall.read("read membership of " + login + " in " + organisation,
                installationId, (api, auth) -> api.organisationMember(organisation, login, auth)));
        boolean member = switch (answer.status()) {
            case 204 -> true;
            case 302, 404 -> false;
            default -> throw failure(answer, "read organisation membership");
        };
        Instant now = clock.instant();
        memberships.put(key, member, now.plus(settings.roleCache()), now);
        return member;
    }

    /**
     * Whether the user is an owner of the organisation (an active membership with role admin), as the
     * installation can see; cached like roles. An account that is not an organisation has no owners here.
     */
    public boolean isOrganisationOwner(long installationId, String organisation, String login) {
        String key = installationId + ":" + lower(organisation) + ":" + lower(login);
        Optional<Boolean> cached = owners.get(key, clock.instant());
        if (cached.isPresent()) {
            return cached.get();
        }
        GitHubAnswer answer = calls.execute(GitHubCall.read("read org role of " + login + " in " + organisation,
                installationId, (api, auth) -> api.organisationMembership(organisation, login, auth)));
        boolean owner;
        if (answer.status() == 404) {
            owner = false;
        } else {
            JsonObject json = expectOk(answer, "read organisation role").json();
            owner = "active".equals(json.getString("state", null)) && "admin".equals(json.getString("role", null));
        }
        Instant now = clock.instant();
        owners.put(key, owner, now.plus(settings.roleCache()), now);
        return owner;
    }

    /** A file's text on the repository's default branch; empty when the file does not exist. */
    public Optional<String> fileOnDefaultBranch(RepositoryRef repository, String path) {
        GitHubAnswer answer = calls.execute(GitHubCall.read("read " + path + " of " + repository.fullName(),
                repository.installationId(), (api, auth) -> api.rawFile(repository.owner(), repository.name(),
                        path, auth)));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expectOk(answer, "read " + path).body());
    }

    /** The pull request's unified diff, cut to at most {@code maxBytes}; empty when GitHub has none. */
    public Optional<String> pullRequestDiff(RepositoryRef repository, int number, int maxBytes) {
        GitHubAnswer answer = calls.execute(GitHubCall.read("read diff of " + repository.fullName() + "#" + number,
                repository.installationId(), (api, auth) -> api.pullRequestDiff(repository.owner(),
                        repository.name(), number, auth)));
        // 406 and 422: GitHub will not render a diff this large.
        if (answer.status() == 404 || answer.status() == 406 || answer.status() == 422) {
            return Optional.empty();
        }
        return Optional.of(cut(expectOk(answer, "read diff").body(), maxBytes));
    }

    public PullRequestState pullRequestState(RepositoryRef repository, int number) {
        GitHubAnswer answer = calls.execute(GitHubCall.read("read " + repository.fullName() + "#" + number,
                repository.installationId(), (api, auth) -> api.pullRequest(repository.owner(), repository.name(),
                        number, auth)));
        JsonObject json = expectOk(answer, "read pull request").json();
        return new PullRequestState("open".equals(json.getString("state", "")), json.getBoolean("merged", false),
                json.get("body") instanceof JsonString body ? body.getString() : "");
    }

    /** An issue's assignees and labels; empty when there is no such issue (or it was deleted). */
    public Optional<IssueSummary> issue(RepositoryRef repository, int number) {
        GitHubAnswer answer = calls.execute(GitHubCall.read("read issue " + repository.fullName() + "#" + number,
                repository.installationId(), (api, auth) -> api.issue(repository.owner(), repository.name(),
                        number, auth)));
        if (answer.status() == 404 || answer.status() == 410) {
            return Optional.empty();
        }
        JsonObject json = expectOk(answer, "read issue").json();
        return Optional.of(new IssueSummary(number, names(json, "assignees", "login"), names(json, "labels", "name"),
                json.containsKey("pull_request")));
    }

    private static List<String> names(JsonObject json, String array, String field) {
        if (!json.containsKey(array) || json.isNull(array)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (JsonValue value : json.getJsonArray(array)) {
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                String name = value.asJsonObject().getString(field, null);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Posts a comment on an issue or pull request. */
    public void comment(RepositoryRef repository, int number, String body) {
        String json = Json.createObjectBuilder().add("body", body).build().toString();
        GitHubAnswer answer = calls.execute(GitHubCall.write("comment on " + repository.fullName() + "#" + number,
                repository.installationId(), (api, auth) -> api.createIssueComment(repository.owner(),
                        repository.name(), number, auth, json)));
        expectOk(answer, "comment");
    }

    /** Whether the App has already posted this exact text on the issue or pull request. */
    public boolean hasComment(RepositoryRef repository, int number, String body) {
        for (int page = 1; page <= 10; page++) {
            int current = page;
            GitHubAnswer answer = calls.execute(GitHubCall.read("read comments of " + repository.fullName() + "#"
                    + number, repository.installationId(), (api, auth) -> api.issueComments(repository.owner(),
                    repository.name(), number, 100, current, auth)));
            List<JsonValue> comments = expectOk(answer, "read comments").jsonArray();
            for (JsonValue comment : comments) {
                JsonObject object = comment.asJsonObject();
                JsonObject user = object.getJsonObject("user");
                boolean byBot = user != null && "Bot".equals(user.getString("type", ""));
                if (byBot && body.equals(object.getString("body", null))) {
                    return true;
                }
            }
            if (comments.size() < 100) {
                return false;
            }
        }
        return false;
    }

    public void closePullRequest(RepositoryRef repository, int number) {
        String json = Json.createObjectBuilder().add("state", "closed").build().toString();
        GitHubAnswer answer = calls.execute(GitHubCall.write("close " + repository.fullName() + "#" + number,
                repository.installationId(), (api, auth) -> api.updatePullRequest(repository.owner(),
                        repository.name(), number, auth, json)));
        expectOk(answer, "close pull request");
    }

    /** Resolves a login to the account (and its permanent id); empty when there is no such user. */
    public Optional<GitHubUser> user(long installationId, String login) {
        GitHubAnswer answer = calls.execute(GitHubCall.read("resolve user " + login, installationId,
                (api, auth) -> api.user(login, auth)));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        JsonObject json = expectOk(answer, "resolve user").json();
        return Optional.of(new GitHubUser(json.getJsonNumber("id").longValue(), json.getString("login"),
                json.getString("type", "User")));
    }

    /** Resolves a numeric user id to the account; empty when there is no such user. */
    public Optional<GitHubUser> user(long installationId, long userId) {
        GitHubAnswer answer = calls.execute(GitHubCall.read("resolve user id " + userId, installationId,
                (api, auth) -> api.userById(userId, auth)));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        JsonObject json = expectOk(answer, "resolve user").json();
        return Optional.of(new GitHubUser(json.getJsonNumber("id").longValue(), json.getString("login"),
                json.getString("type", "User")));
    }

    /**
     * The user's public record (account age, latest merged and closed pull requests anywhere), through the
     * installation; empty when there is no such user, or the login now names an account other than {@code userId}.
     */
    public Optional<PublicRecord> publicRecord(long installationId, String login, long userId) {
        GitHubAnswer answer = calls.execute(GitHubCall.graphql("read the record of " + login, installationId,
                (api, auth) -> api.graphql(auth, PublicRecordQuery.body(login))));
        return PublicRecordQuery.parse(expectOk(answer, "read the record of " + login).json(), login, userId);
    }

    /** The App's webhook deliveries, newest first, back to {@code since} (GitHub keeps three days). */
    public List<HookDelivery> hookDeliveriesSince(Instant since) {
        List<HookDelivery> deliveries = new ArrayList<>();
        String cursor = null;
        while (true) {
            String page = cursor;
            GitHubAnswer answer = calls.execute(GitHubCall.asApp("list webhook deliveries",
                    (api, auth) -> api.hookDeliveries(DELIVERIES_PAGE, page, auth)));
            boolean older = false;
            for (JsonValue value : expectOk(answer, "list webhook deliveries").jsonArray()) {
                HookDelivery delivery = hookDelivery(value.asJsonObject());
                if (delivery.deliveredAt().isBefore(since)) {
                    older = true;
                    break;
                }
                deliveries.add(delivery);
            }
            Optional<String> next = answer.nextPage();
            if (older || next.isEmpty()) {
                return deliveries;
            }
            cursor = queryParameter(next.get(), "cursor");
            if (cursor == null) {
                return deliveries;
            }
        }
    }

    /** Asks GitHub to deliver one of the App's webhook deliveries again. */
    public void redeliver(long hookDeliveryId) {
        GitHubAnswer answer = calls.execute(GitHubCall.asAppWrite("redeliver webhook delivery " + hookDeliveryId,
                (api, auth) -> api.redeliver(hookDeliveryId, auth)));
        expectOk(answer, "redeliver");
    }

    private static HookDelivery hookDelivery(JsonObject json) {
        return new HookDelivery(json.getJsonNumber("id").longValue(), json.getString("guid", ""),
                OffsetDateTime.parse(json.getString("delivered_at")).toInstant(), json.getBoolean("redelivery", false),
                json.getInt("status_code", 0), json.getString("event", ""),
                json.isNull("action") ? null : json.getString("action", null));
    }

    private static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static GitHubAnswer expectOk(GitHubAnswer answer, String what) {
        if (!answer.ok()) {
            throw failure(answer, what);
        }
        return answer;
    }

    private static GitHubException failure(GitHubAnswer answer, String what) {
        String message = answer.body() == null || answer.body().isBlank() ? "" : ": " + gitHubMessage(answer.body());
        // 409 (conflict) and 422 describe the request; 403 here is "not allowed", rate limits were handled.
        return new GitHubException(what + ": GitHub answered " + answer.status() + message, false);
    }

    private static String gitHubMessage(String body) {
        try {
            return Json.createReader(new StringReader(body)).readObject().getString("message", "");
        } catch (RuntimeException notJson) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    private static String cut(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        String cut = new String(bytes, 0, maxBytes, StandardCharsets.UTF_8);
        // A multi-byte character split at the end decodes to U+FFFD: drop it.
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}

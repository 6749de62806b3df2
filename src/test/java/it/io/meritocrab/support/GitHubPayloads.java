package it.io.meritocrab.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Webhook payloads shaped as GitHub sends them (the fields GitHub documents for each event, with
 * realistic values), for repositories and users made up per test so tests never share a ledger.
 */
public final class GitHubPayloads {

    private static final String CREATED = "2026-11-23T08:00:00Z";

    private GitHubPayloads() {
    }

    public record Repo(long id, String owner, String name, long installationId) {
        public String fullName() {
            return owner + "/" + name;
        }

        public String apiPath() {
            return "/api/repos/" + owner + "/" + name;
        }
    }

    public record User(String login, long id, String type) {
        public static User human(String login) {
            return new User(login, uniqueId(), "User");
        }

        public static User bot(String login) {
            return new User(login, uniqueId(), "Bot");
        }
    }

    public static Repo newRepo(String prefix) {
        long id = uniqueId();
        return new Repo(id, prefix + "-org-" + id, "widgets", 1_000_000 + id % 1_000_000);
    }

    /** The same delivery as a repository webhook (not the App's) sends it: without `installation`. */
    public static String withoutInstallation(String payload) {
        try (var reader = Json.createReader(new java.io.StringReader(payload))) {
            return Json.createObjectBuilder(reader.readObject()).remove("installation").build().toString();
        }
    }

    public static long uniqueId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L);
    }

    public static String pullRequestOpened(Repo repo, User author, int number, String title, String body,
                                           int additions, int deletions, int changedFiles) {
        return pullRequest("opened", repo, author, number, title, body, additions, deletions, changedFiles,
                "open", false);
    }

    /**
     * A pull request the rules evaluator finds acceptable but is unsure of (its text shouts), so its
     * evaluation waits in the review queue. The text is new each time: the same text in several
     * repositories is a spam signal of its own.
     */
    public static String unsurePullRequest(Repo repo, User author, int number) {
        return pullRequestOpened(repo, author, number, "PLEASE MERGE THIS FIX NOW",
                "THE PARSER IS BROKEN AND THIS FIXES IT FOR EVERYONE WHO USES IT, SEE BUILD " + uniqueId(), 40, 3, 2);
    }

    public static String pullRequestReopened(Repo repo, User author, int number, String title, String body) {
        return pullRequest("reopened", repo, author, number, title, body, 40, 3, 2, "open", false);
    }

    public static String pullRequestClosed(Repo repo, User author, int number, boolean merged) {
        return pullRequest("closed", repo, author, number, "Improve parser errors", "Makes errors clearer.",
                12, 3, 1, "closed", merged);
    }

    public static String issueComment(Repo repo, User author, int issueNumber, String body) {
        return envelope("created", repo, author)
                .add("issue", Json.createObjectBuilder()
                        .add("url", apiUrl(repo) + "/issues/" + issueNumber)
                        .add("html_url", htmlUrl(repo) + "/issues/" + issueNumber)
                        .add("id", uniqueId())
                        .add("number", issueNumber)
                        .add("title", "Parser fails on empty configuration files")
                        .add("user", user(User.human("reporter")))
                        .add("state", "open")
                        .add("locked", false)
                        .add("comments", 3)
                        .add("created_at", CREATED)
                        .add("updated_at", CREATED)
                        .add("author_association", "NONE")
                        .add("body", "Steps to reproduce: run with an empty file."))
                .add("comment", Json.createObjectBuilder()
                        .add("url", apiUrl(repo) + "/issues/comments/" + uniqueId())
                        .add("html_url", htmlUrl(repo) + "/issues/" + issueNumber + "#issuecomment-1")
                        .add("id", uniqueId())
                        .add("node_id", "IC_kwDOA")
                        .add("user", user(author))
                        .add("created_at", CREATED)
                        .add("updated_at", CREATED)
                        .add("author_association", "CONTRIBUTOR")
                        .add("body", body))
                .build().toString();
    }

    public static String reviewSubmitted(Repo repo, User reviewer, User prAuthor, int number) {
        return envelope("submitted", repo, reviewer)
                .add("review", Json.createObjectBuilder()
                        .add("id", uniqueId())
                        .add("node_id", "PRR_kwDOA")
                        .add("user", user(reviewer))
                        .add("body", "Looks good, one nit about naming.")
                        .add("commit_id", "6dcb09b5b57875f334f61aebed695e2e4193db5e")
                        .add("submitted_at", CREATED)
                        .add("state", "approved")
                        .add("html_url", htmlUrl(repo) + "/pull/" + number + "#pullrequestreview-1")
                        .add("author_association", "CONTRIBUTOR"))
                .add("pull_request", pullRequestObject(repo, prAuthor, number, "Improve parser errors",
                        "Makes errors clearer.", 12, 3, 1, "open", false))
                .build().toString();
    }

    public static String installation(String action, long installationId, String account, Repo... repos) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Repo repo : repos) {
            list.add(repositoryBrief(repo));
        }
        return Json.createObjectBuilder()
                .add("action", action)
                .add("installation", installationObject(installationId, account))
                .add("repositories", list)
                .add("sender", user(User.human(account + "-admin")))
                .build().toString();
    }

    public static String installationRepositories(long installationId, String account, Repo[] added, Repo[] removed) {
        JsonArrayBuilder addedList = Json.createArrayBuilder();
        for (Repo repo : added) {
            addedList.add(repositoryBrief(repo));
        }
        JsonArrayBuilder removedList = Json.createArrayBuilder();
        for (Repo repo : removed) {
            removedList.add(repositoryBrief(repo));
        }
        return Json.createObjectBuilder()
                .add("action", added.length > 0 ? "added" : "removed")
                .add("installation", installationObject(installationId, account))
                .add("repository_selection", "selected")
                .add("repositories_added", addedList)
                .add("repositories_removed", removedList)
                .add("sender", user(User.human(account + "-admin")))
                .build().toString();
    }

    public static String ping(long hookId) {
        return Json.createObjectBuilder()
                .add("zen", "Keep it logically awesome.")
                .add("hook_id", hookId)
                .add("hook", Json.createObjectBuilder().add("type", "App").add("id", hookId).add("active", true)
                        .add("events", Json.createArrayBuilder().add("pull_request").add("issue_comment")))
                .build().toString();
    }

    /**
     * A push of one commit to {@code branch} of a repository whose default branch is main, modifying
     * the given files.
     */
    public static String push(Repo repo, User pusher, String branch, String... modifiedFiles) {
        String before = "9049f1265b7d61be4a8904a9a27120d2064dab3b";
        String after = String.format("%040x", uniqueId());
        JsonArrayBuilder modified = Json.createArrayBuilder();
        for (String file : modifiedFiles) {
            modified.add(file);
        }
        JsonObject person = Json.createObjectBuilder().add("name", pusher.login()).add("email",
                pusher.login() + "@users.noreply.github.com").add("username", pusher.login()).build();
        JsonObject commit = Json.createObjectBuilder()
                .add("id", after)
                .add("tree_id", "f9d2a07e9488b91af2641b26b9407fe22a451433")
                .add("distinct", true)
                .add("message", "Update configuration")
                .add("timestamp", CREATED)
                .add("url", htmlUrl(repo) + "/commit/" + after)
                .add("author", person)
                .add("committer", person)
                .add("added", Json.createArrayBuilder())
                .add("removed", Json.createArrayBuilder())
                .add("modified", modified)
                .build();
        return Json.createObjectBuilder()
                .add("ref", "refs/heads/" + branch)
                .add("before", before)
                .add("after", after)
                .add("repository", Json.createObjectBuilder(repositoryObject(repo)).add("master_branch", "main")
                        .add("pushed_at", 1_763_884_800L).add("created_at", 1_700_000_000L))
                .add("pusher", Json.createObjectBuilder().add("name", pusher.login())
                        .add("email", pusher.login() + "@users.noreply.github.com"))
                .add("organization", Json.createObjectBuilder().add("login", repo.owner()).add("id", repo.id() + 7))
                .add("installation", Json.createObjectBuilder().add("id", repo.installationId())
                        .add("node_id", "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u"))
                .add("sender", user(pusher))
                .add("created", false)
                .add("deleted", false)
                .add("forced", false)
                .addNull("base_ref")
                .add("compare", htmlUrl(repo) + "/compare/" + before.substring(0, 12) + "..." + after.substring(0, 12))
                .add("commits", Json.createArrayBuilder().add(commit))
                .add("head_commit", commit)
                .build().toString();
    }

    private static String pullRequest(String action, Repo repo, User author, int number, String title, String body,
                                      int additions, int deletions, int changedFiles, String state, boolean merged) {
        return envelope(action, repo, author)
                .add("number", number)
                .add("pull_request", pullRequestObject(repo, author, number, title, body, additions, deletions,
                        changedFiles, state, merged))
                .build().toString();
    }

    private static JsonObjectBuilder pullRequestObject(Repo repo, User author, int number, String title, String body,
                                                       int additions, int deletions, int changedFiles, String state,
                                                       boolean merged) {
        return Json.createObjectBuilder()
                .add("url", apiUrl(repo) + "/pulls/" + number)
                .add("id", uniqueId())
                .add("node_id", "PR_kwDOA")
                .add("html_url", htmlUrl(repo) + "/pull/" + number)
                .add("diff_url", htmlUrl(repo) + "/pull/" + number + ".diff")
                .add("number", number)
                .add("state", state)
                .add("locked", false)
                .add("title", title)
                .add("user", user(author))
                .add("body", body)
                .add("created_at", CREATED)
                .add("updated_at", CREATED)
                .add("draft", false)
                .add("head", Json.createObjectBuilder().add("label", author.login() + ":fix").add("ref", "fix")
                        .add("sha", "6dcb09b5b57875f334f61aebed695e2e4193db5e").add("user", user(author))
                        .add("repo", repositoryBrief(new Repo(uniqueId(), author.login(), repo.name(), 0))))
                .add("base", Json.createObjectBuilder().add("label", repo.owner() + ":main").add("ref", "main")
                        .add("sha", "9049f1265b7d61be4a8904a9a27120d2064dab3b").add("repo", repositoryBrief(repo)))
                .add("author_association", "CONTRIBUTOR")
                .add("merged", merged)
                .add("comments", 0)
                .add("review_comments", 0)
                .add("commits", 1)
                .add("additions", additions)
                .add("deletions", deletions)
                .add("changed_files", changedFiles);
    }

    private static JsonObjectBuilder envelope(String action, Repo repo, User sender) {
        return Json.createObjectBuilder()
                .add("action", action)
                .add("repository", repositoryObject(repo))
                .add("organization", Json.createObjectBuilder().add("login", repo.owner()).add("id", repo.id() + 7))
                .add("sender", user(sender))
                .add("installation", Json.createObjectBuilder().add("id", repo.installationId())
                        .add("node_id", "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u"));
    }

    private static JsonObject repositoryObject(Repo repo) {
        return Json.createObjectBuilder(repositoryBrief(repo))
                .add("owner", Json.createObjectBuilder().add("login", repo.owner()).add("id", repo.id() + 7)
                        .add("type", "Organization"))
                .add("html_url", htmlUrl(repo))
                .add("url", apiUrl(repo))
                .add("default_branch", "main")
                .build();
    }

    private static JsonObject repositoryBrief(Repo repo) {
        return Json.createObjectBuilder()
                .add("id", repo.id())
                .add("node_id", "R_kgDOA")
                .add("name", repo.name())
                .add("full_name", repo.fullName())
                .add("private", false)
                .build();
    }

    private static JsonObject installationObject(long installationId, String account) {
        return Json.createObjectBuilder()
                .add("id", installationId)
                .add("account", Json.createObjectBuilder().add("login", account).add("id", installationId + 3)
                        .add("type", "Organization"))
                .add("repository_selection", "selected")
                .add("app_id", 12345)
                .add("target_type", "Organization")
                .build();
    }

    private static JsonObject user(User user) {
        return Json.createObjectBuilder()
                .add("login", user.login())
                .add("id", user.id())
                .add("node_id", "U_kgDOA")
                .add("type", user.type())
                .add("site_admin", false)
                .build();
    }

    private static String htmlUrl(Repo repo) {
        return "https://github.com/" + repo.fullName();
    }

    private static String apiUrl(Repo repo) {
        return "https://api.github.com/repos/" + repo.fullName();
    }
}

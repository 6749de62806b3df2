package it.io.meritocrab.support;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Drives contributors to the gate and reads what the server did about their pull requests. */
public final class Enforcement {

    public static final String SPAM_PR_BODY = "Check out my site https://bit.ly/deal1 and "
            + "https://cheap-casino.example/win and https://tinyurl.com/free now buy crypto airdrop";

    private Enforcement() {
    }

    /** Opens spam pull requests #1..#n; each costs 25 credit (the first three pass the gate). */
    public static void openSpamPullRequests(MeritocrabIT test, Repo repo, User author, int n) {
        for (int number = 1; number <= n; number++) {
            test.deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, number, "Best deals",
                    SPAM_PR_BODY, 3, 0, 1));
        }
    }

    /** Waits until the gate's action for the pull request is no longer pending; returns its row. */
    public static Map<String, Object> awaitAction(Repo repo, int number, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<String, Object> action = action(repo, number);
            return !action.isEmpty() && !"PENDING".equals(action.get("status"));
        });
        return action(repo, number);
    }

    public static Map<String, Object> action(Repo repo, int number) {
        return Inbox.row("SELECT id, decision, status, outcome, last_error, attempts, created_at, due_at, "
                + "timer_fired_at, completed_at FROM enforcement_action WHERE repository_id = ? AND pull_number = ?",
                repo.id(), number);
    }

    /** Every request the server sent to GitHub about this issue or pull request, oldest first. */
    public static List<LoggedRequest> requestsAbout(Repo repo, int number) {
        String path = "/repos/" + Pattern.quote(repo.owner()) + "/" + Pattern.quote(repo.name())
                + "/(pulls|issues)/" + number + "(/.*)?";
        return ItEnvironment.github().server().findAll(anyRequestedFor(urlPathMatching(path))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** The same, as "METHOD path" lines, reads excluded unless asked for. */
    public static List<String> writesAbout(Repo repo, int number) {
        return requestsAbout(repo, number).stream()
                .filter(request -> !request.getMethod().getName().equals("GET"))
                .map(request -> request.getMethod().getName() + " " + request.getUrl())
                .toList();
    }
}

package it.io.meritocrab.login;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing in to the console: GitHub's OAuth web flow (played by WireMock), the local sign-in, sessions. */
class ConsoleLoginIT extends MeritocrabIT {

    @Test
    void gitHubSignInRedirectsToGitHubWithTheClientAndAStateThenOpensTheConsoleAsTheGitHubUser() {
        ConsoleSession browser = new ConsoleSession(base);

        HttpResponse<String> start = browser.get("/login/github");
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = ConsoleSession.query(authorize);
        String code = "code-" + UUID.randomUUID();
        ConsoleSession.stubGitHubUser(code, "gho_" + UUID.randomUUID().toString().replace("-", ""), "octo-maintainer");
        String sessionBefore = browser.cookie("JSESSIONID").orElseThrow().getValue();
        HttpResponse<String> callback = browser.get("/login/github/callback?code=" + code + "&state=" + query.get("state"));
        HttpResponse<String> dashboard = browser.get("/console/index.xhtml");

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(authorize.toString()).startsWith(ItEnvironment.github().url() + "/login/oauth/authorize");
        assertThat(query).containsEntry("client_id", ItEnvironment.OAUTH_CLIENT_ID);
        assertThat(query.get("redirect_uri")).endsWith("/login/github/callback");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/index.xhtml"));
        assertThat(browser.cookie("JSESSIONID").orElseThrow().getValue()).as("a new session id at sign-in").isNotEqualTo(sessionBefore);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Signed in as <strong>octo-maintainer</strong>");
    }

    @Test
    void aCallbackWithAWrongOrMissingStateIsRefusedWithoutAskingGitHub() {
        ConsoleSession browser = new ConsoleSession(base);
        browser.get("/login/github");
        String code = "forged-" + UUID.randomUUID();
        ConsoleSession.stubGitHubUser(code, "gho_" + UUID.randomUUID().toString().replace("-", ""), "mallory");

        HttpResponse<String> wrongState = browser.get("/login/github/callback?code=" + code + "&state=guessed");
        HttpResponse<String> afterwards = browser.get("/console/index.xhtml");
        ConsoleSession stranger = new ConsoleSession(base);
        HttpResponse<String> noSession = stranger.get("/login/github/callback?code=" + code + "&state=guessed");

        assertThat(wrongState.statusCode()).isEqualTo(302);
        assertThat(wrongState.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("login.xhtml?error=state"));
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login.xhtml"));
        assertThat(noSession.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error=state"));
        ItEnvironment.github().server().verify(0, postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing(code)));
        assertThat(browser.get("/login/github/callback?code=" + code + "&state=").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("error=state"));
    }

    @Test
    void aStateIsGoodForOneSignInOnly() {
        ConsoleSession browser = new ConsoleSession(base);
        HttpResponse<String> start = browser.get("/login/github");
        String state = ConsoleSession.query(URI.create(start.headers().firstValue("Location").orElseThrow())).get("state");
        String code = "code-" + UUID.randomUUID();
        ConsoleSession.stubGitHubUser(code, "gho_" + UUID.randomUUID().toString().replace("-", ""), "once");
        HttpResponse<String> signedIn = browser.get("/login/github/callback?code=" + code + "&state=" + state);
        String replayCode = "code-" + UUID.randomUUID();
        ConsoleSession.stubGitHubUser(replayCode, "gho_" + UUID.randomUUID().toString().replace("-", ""), "twice");

        // The same browser (same session) sends the same state again.
        HttpResponse<String> replayed = browser.get("/login/github/callback?code=" + replayCode + "&state=" + state);

        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/index.xhtml"));
        assertThat(replayed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error=state"));
        ItEnvironment.github().server().verify(0, postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing(replayCode)));
        assertThat(browser.get("/console/index.xhtml").body()).contains("Signed in as <strong>once</strong>");
    }

    @Test
    void aPathWithDotSegmentsIntoTheConsoleNeedsASessionLikeAnyOther() throws IOException {
        String contextPath = base.getPath().replaceAll("/$", "");

        String answer = rawGet(contextPath + "/console/jakarta.faces.resource/../index.xhtml");
        String encoded = rawGet(contextPath + "/console/jakarta.faces.resource/%2e%2e/contributors.xhtml?repo=a/b");

        assertThat(answer).startsWith("HTTP/1.1 302").contains("/console/login.xhtml");
        // Liberty refuses an encoded dot segment itself (400), before the application: no page, no trace.
        assertThat(encoded).doesNotStartWith("HTTP/1.1 200").doesNotStartWith("HTTP/1.1 500")
                .doesNotContain("\tat ").doesNotContain("Signed in as");
    }

    @Test
    void consoleSignInAndApiResponsesCarryTheSecurityHeaders() {
        ConsoleSession browser = new ConsoleSession(base);
        List<HttpResponse<String>> answers = List.of(
                browser.get("/console/login.xhtml"),
                browser.get("/console/index.xhtml"),
                browser.get("/login/github"),
                browser.signInWithToken(ItEnvironment.ADMIN_TOKEN),
                browser.get("/console/index.xhtml"),
                api.get("/api/deliveries"),
                new ConsoleSession(base).get("/api/deliveries"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 302, 302, 302, 200, 200, 401);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(answer.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'")
                            .contains("frame-ancestors 'none'").doesNotContain("unsafe"));
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(answer.uri().toString()).contains("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(answer.uri().toString()).contains("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(answer.uri().toString()).contains("no-referrer");
        }
    }

    @Test
    void anUnexpectedErrorShowsNoStackTraceInTheConsoleOrTheApi() {
        ConsoleSession operator = new ConsoleSession(base);
        operator.signInWithToken(ItEnvironment.ADMIN_TOKEN);

        // A NUL character cannot go into a PostgreSQL text: the query fails where nothing expects it.
        HttpResponse<String> page = operator.get("/console/contributors.xhtml?repo=acme%00/widgets");
        GitHubPayloads.Repo repo = GitHubPayloads.newRepo("errors");
        deliver("issue_comment", GitHubPayloads.issueComment(repo, GitHubPayloads.User.human("nul"), 1, "+1"));
        HttpResponse<String> json = api.get(repo.apiPath() + "/contributors?q=a%00b");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(500);
        assertThat(page.body()).contains("Something went wrong").doesNotContain("Exception").doesNotContain("at io.")
                .doesNotContain("at java.");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(500);
        assertThat(json.body()).isEqualTo("{\"error\":\"internal error\"}");
    }

    /** A GET sent as written, without the normalising an HTTP client library would do. */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void gitHubRefusingTheCodeSendsThePersonBackToSignInWithAMessage() {
        ConsoleSession browser = new ConsoleSession(base);
        HttpResponse<String> start = browser.get("/login/github");
        String state = ConsoleSession.query(URI.create(start.headers().firstValue("Location").orElseThrow())).get("state");

        HttpResponse<String> callback = browser.get("/login/github/callback?code=unknown-code&state=" + state);
        HttpResponse<String> page = browser.follow(callback);

        assertThat(callback.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error=github"));
        assertThat(page.body()).contains("GitHub could not confirm who you are");
        assertThat(browser.get("/console/index.xhtml").statusCode()).isEqualTo(302);
    }

    @Test
    void theLocalSignInTakesTheAdminTokenAndTheSessionCookieIsHttpOnlyAndSameSite() {
        ConsoleSession wrong = new ConsoleSession(base);
        HttpResponse<String> refused = wrong.signInWithToken("not-the-token");
        ConsoleSession browser = new ConsoleSession(base);
        HttpResponse<String> accepted = browser.signInWithToken(ItEnvironment.ADMIN_TOKEN);

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error=token"));
        assertThat(wrong.get("/console/index.xhtml").statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/index.xhtml"));
        String setCookie = accepted.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(browser.get("/console/index.xhtml").body()).contains("Signed in as <strong>local-admin</strong>");
        assertThat(browser.get("/login/local").headers().firstValue("Location"))
                .as("GET cannot sign in").hasValueSatisfying(l -> assertThat(l).contains("error="));
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleSession browser = new ConsoleSession(base);
        browser.signInWithToken(ItEnvironment.ADMIN_TOKEN);
        String page = browser.get("/console/index.xhtml").body();

        HttpResponse<String> out = browser.submit("/console/index.xhtml", page, "account",
                Map.of("account:signOut", "Sign out"));

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(browser.get("/console/index.xhtml").statusCode()).isEqualTo(302);
    }

    @Test
    void webhooksAndTheBearerApiNeitherGetNorNeedASession() {
        GitHubPayloads.Repo repo = GitHubPayloads.newRepo("nosession");
        HttpResponse<String> webhook = github.send("issue_comment", GitHubWebhooks.newDeliveryId(),
                GitHubPayloads.issueComment(repo, GitHubPayloads.User.human("pat"), 1, "+1"));
        HttpResponse<String> apiCall = api.get("/api/deliveries");

        assertThat(webhook.statusCode()).isEqualTo(202);
        assertThat(webhook.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(apiCall.statusCode()).isEqualTo(200);
        assertThat(apiCall.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(new ConsoleSession(base).get("/api/deliveries").statusCode()).as("no session, no token").isEqualTo(401);
    }
}

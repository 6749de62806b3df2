package it.io.meritocrab.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's side of the console over plain HTTP: keeps cookies, does not follow redirects (tests look
 * at them), signs in with the admin token or through GitHub's OAuth flow played by WireMock.
 */
public final class ConsoleSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public ConsoleSession(URL base) {
        this.base = base.toString().replaceAll("/$", "");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Follows a redirect the server answered. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("not a redirect: " + redirect.statusCode()));
        return send(HttpRequest.newBuilder(URI.create(base).resolve(location)).GET());
    }

    /** Submits the Faces form {@code formId} of a page fetched from {@code path}, with its view state. */
    public HttpResponse<String> submit(String path, String page, String formId, Map<String, String> fields) {
        Matcher matcher = VIEW_STATE.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no Faces view state in the page of " + path);
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put(formId + "_SUBMIT", "1");
        form.put("jakarta.faces.ViewState", matcher.group(1));
        return postForm(path, form);
    }

    /** Submits a Faces form with file fields (multipart/form-data), as a browser's upload does. */
    public HttpResponse<String> submitFiles(String path, String page, String formId, Map<String, String> fields,
                                            Map<String, byte[]> files) {
        Matcher matcher = VIEW_STATE.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no Faces view state in the page of " + path);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(formId + "_SUBMIT", "1");
        all.put("jakarta.faces.ViewState", matcher.group(1));
        String boundary = "----it" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"upload\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public HttpResponse<String> signInWithToken(String token) {
        get("/console/login.xhtml");
        return postForm("/login/local", Map.of("token", token));
    }

    /** Runs GitHub's OAuth web flow as the given GitHub user, GitHub's side answered by the IT stub. */
    public HttpResponse<String> signInWithGitHub(String login) {
        return signInWithGitHub(login, GitHubPayloads.uniqueId(), "/login/github");
    }

    /**
     * The same flow for the GitHub account with this user id, started at {@code start} (`/login/github`,
     * or `/login/github?to=me` as the contributor's page starts it).
     */
    public HttpResponse<String> signInWithGitHub(String login, long userId, String startPath) {
        HttpResponse<String> start = get(startPath);
        String authorize = start.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("/login/github did not redirect: " + start.statusCode()));
        Map<String, String> query = query(URI.create(authorize));
        String code = "code-" + UUID.randomUUID();
        String token = "gho_" + UUID.randomUUID().toString().replace("-", "");
        stubGitHubUser(code, token, login, userId);
        return get("/login/github/callback?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }

    /** GitHub's answers for one sign-in: the code is exchanged for the token, the token belongs to login. */
    public static void stubGitHubUser(String code, String token, String login) {
        stubGitHubUser(code, token, login, GitHubPayloads.uniqueId());
    }

    public static void stubGitHubUser(String code, String token, String login, long userId) {
        var github = ItEnvironment.github().server();
        github.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("client_secret=" + ItEnvironment.OAUTH_CLIENT_SECRET))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"scope\":\"\"}")));
        github.stubFor(WireMock.get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"login\":\"" + login + "\",\"id\":" + userId
                        + ",\"type\":\"User\"}")));
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return values;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

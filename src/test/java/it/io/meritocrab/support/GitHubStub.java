package it.io.meritocrab.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * WireMock playing GitHub's REST API for the whole test run, with a generated App key. Default answers
 * (lowest priority) keep every App call succeeding; tests put their own stubs over them for their
 * repositories and read what the server sent from the request journal.
 */
public final class GitHubStub {

    public static final String APP_ID = "424242";
    public static final String INSTALLATION_TOKEN = "ghs_it_installation_token";
    private static final int DEFAULTS = 100;
    /** The diff of every pull request, unless a test says otherwise. */
    public static final String PULL_REQUEST_DIFF = """
            diff --git a/src/parser.c b/src/parser.c
            --- a/src/parser.c
            +++ b/src/parser.c
            @@ -40,3 +40,4 @@
             int parse(const char *text) {
            +    if (text[0] == '\\0') return EMPTY_CONFIGURATION;
                 return parse_tokens(text);
            """;

    private final WireMockServer server;
    private final KeyPair appKey;

    private GitHubStub(WireMockServer server, KeyPair appKey) {
        this.server = server;
        this.appKey = appKey;
    }

    static GitHubStub start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().asynchronousResponseEnabled(true));
        server.start();
        GitHubStub stub = new GitHubStub(server, newKeyPair());
        stub.installDefaults();
        return stub;
    }

    public WireMockServer server() {
        return server;
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    public RSAPublicKey appPublicKey() {
        return (RSAPublicKey) appKey.getPublic();
    }

    /** The App's private key as PKCS#8 PEM (what `openssl pkcs8 -topk8` gives). */
    public String privateKeyPkcs8Pem() {
        return pem("PRIVATE KEY", appKey.getPrivate().getEncoded());
    }

    Path writePrivateKey(Path directory) throws IOException {
        Path file = directory.resolve("github-app-it.pem");
        Files.writeString(file, privateKeyPkcs8Pem());
        return file;
    }

    public void installDefaults() {
        server.stubFor(post(urlPathMatching("/app/installations/\\d+/access_tokens")).atPriority(DEFAULTS)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"" + INSTALLATION_TOKEN + "\",\"expires_at\":\""
                                + Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                                + "\",\"permissions\":{\"pull_requests\":\"write\"}}")));
        server.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/collaborators/[^/]+/permission")).atPriority(DEFAULTS)
                .willReturn(okJson("{\"permission\":\"read\",\"role_name\":\"read\"}")));
        server.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/contents/.+")).atPriority(DEFAULTS)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Not Found\"}")));
        server.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/pulls/\\d+")).atPriority(DEFAULTS)
                .willReturn(okJson("{\"state\":\"open\",\"merged\":false}")));
        // GitHub answers the same URL with the unified diff when asked for it (and only then).
        server.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/pulls/\\d+")).atPriority(DEFAULTS - 1)
                .withHeader("Accept", containing("application/vnd.github.diff"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8")
                        .withBody(PULL_REQUEST_DIFF)));
        server.stubFor(patch(urlPathMatching("/repos/[^/]+/[^/]+/pulls/\\d+")).atPriority(DEFAULTS)
                .willReturn(okJson("{\"state\":\"closed\",\"merged\":false}")));
        server.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/issues/\\d+/comments")).atPriority(DEFAULTS)
                .willReturn(okJson("[]")));
        server.stubFor(post(urlPathMatching("/repos/[^/]+/[^/]+/issues/\\d+/comments")).atPriority(DEFAULTS)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":1}")));
        server.stubFor(get(urlPathMatching("/orgs/[^/]+/members/[^/]+")).atPriority(DEFAULTS)
                .willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo("/app/hook/deliveries")).atPriority(DEFAULTS).willReturn(okJson("[]")));
        server.stubFor(any(urlPathMatching("/.*")).atPriority(DEFAULTS + 1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Not Found\"}")));
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

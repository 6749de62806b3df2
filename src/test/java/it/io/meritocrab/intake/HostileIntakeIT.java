package it.io.meritocrab.intake;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.MeritocrabIT;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoint against a sender who is not GitHub, over raw sockets: a body declared huge
 * without a usable signature is refused before it is read, a body that trickles in is given up at
 * the deadline (10 s), and idle connections that declared huge bodies take no memory from GitHub's.
 */
class HostileIntakeIT extends MeritocrabIT {

    private static final int DECLARED = 25 * 1024 * 1024 - 1;

    @Test
    void aBodyTricklingInIsGivenUpAtTheDeadline() throws IOException {
        try (Socket socket = open()) {
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            out.write(headers(10_000, "sha256=" + "0".repeat(64)));
            out.flush();
            long started = System.nanoTime();
            String answer = null;
            // One byte every 500 ms: 10,000 bytes would take over an hour.
            for (int i = 0; i < 80 && answer == null; i++) {
                try {
                    out.write('{');
                    out.flush();
                } catch (IOException closedByTheServer) {
                    break;
                }
                answer = answerIfAny(socket, 500);
            }
            if (answer == null) {
                answer = answerIfAny(socket, 5_000);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer).as("the server's answer").isNotNull().startsWith("HTTP/1.1 408");
            assertThat(took).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(25));
        }
    }

    @Test
    void aBodyWithoutAWellFormedSignatureIsRefusedBeforeItIsRead() throws IOException {
        try (Socket socket = open()) {
            socket.getOutputStream().write(headers(DECLARED, "sha256=not-a-signature"));
            socket.getOutputStream().flush();

            String answer = answerIfAny(socket, 10_000);

            assertThat(answer).as("answered without waiting for 25 MB").isNotNull().startsWith("HTTP/1.1 401");
        }
    }

    /** The reproduction: before, 60 such connections held 25 MB each and GitHub's own ping took 4.8–10.2 s. */
    @Test
    void sixtyIdleConnectionsDeclaring25MegabytesLeaveRoomForASignedFiveMegabytePing() throws IOException {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Socket socket = open();
                socket.getOutputStream().write(headers(DECLARED, "sha256=" + "0".repeat(64)));
                socket.getOutputStream().write('{');
                socket.getOutputStream().flush();
                idle.add(socket);
            }
            String ping = "{\"zen\":\"" + "z".repeat(5 * 1024 * 1024) + "\",\"hook_id\":1}";
            long started = System.nanoTime();
            HttpResponse<String> answer = github.send("ping", ping);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(took).as("answered within GitHub's 10 s").isLessThan(Duration.ofSeconds(10));
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private byte[] headers(int contentLength, String signature) {
        URI endpoint = github.endpoint();
        return ("POST " + endpoint.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "X-GitHub-Event: issue_comment\r\n"
                + "X-GitHub-Delivery: " + GitHubWebhooks.newDeliveryId() + "\r\n"
                + "X-Hub-Signature-256: " + signature + "\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The status line and whatever followed, if the server answered within the wait; else null. */
    private static String answerIfAny(Socket socket, int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            int n = in.read(buffer);
            return n <= 0 ? null : new String(buffer, 0, n, StandardCharsets.US_ASCII);
        } catch (java.net.SocketTimeoutException silent) {
            return null;
        }
    }
}

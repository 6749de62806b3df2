package it.io.meritocrab.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Throws a few thousand random and mutated GitHub deliveries at the intake: payloads with flipped,
 * cut and inserted bytes, values of the wrong type, deep nesting, other
 * encodings, odd and missing headers, wrong and missing signatures, chunked bodies. Whatever arrives, the server never answers
 * 5xx, never stores or scores what it refused or acknowledged without storing (200: pings, events it
 * does not handle, repeats), and every delivery it accepted (202) ends processed or parked at once as
 * not being what GitHub sends (never left retrying), with no ledger entry for a parked one.
 * The seed is printed (and can be set with -Dfuzz.seed=) so that a failing run can be repeated.
 */
class WebhookFuzzIT extends MeritocrabIT {

    private static final int CASES = Integer.getInteger("fuzz.cases", 1500);
    private static final String[] EVENTS = {"pull_request", "issue_comment", "pull_request_review", "push", "ping"};

    private record Sent(String deliveryId, boolean signed, int status, String kind) {
    }

    @Test
    void randomAndMutatedDeliveriesAreNeverA5xxAndOnlyAcceptedOnesReachTheLedger() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("WebhookFuzzIT seed " + seed + " (-Dfuzz.seed=" + seed + " repeats this run)");
        Repo repo = GitHubPayloads.newRepo("fuzz");
        List<User> users = List.of(User.human("fuzz-a"), User.human("fuzz-b"), User.human("fuzz-c"));
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            Random random = new Random(seed + i);
            int n = i;
            running.add(pool.submit(() -> {
                Sent result = sendOne(random, repo, users, n);
                sent.add(result);
                kinds.merge(result.kind(), 1, Integer::sum);
            }));
        }
        for (Future<?> f : running) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        System.out.printf("WebhookFuzzIT: %d cases sent in %d ms; answers %s%n", sent.size(),
                (System.nanoTime() - started) / 1_000_000, sent.stream().collect(Collectors.groupingBy(Sent::status,
                        TreeMap::new, Collectors.counting())));

        assertThat(sent).as("answers of 5xx").noneMatch(s -> s.status() >= 500);
        assertThat(sent).as("unsigned or wrongly signed deliveries answered 2xx")
                .noneMatch(s -> !s.signed() && s.status() < 300);
        List<String> accepted = sent.stream().filter(s -> s.status() == 202).map(Sent::deliveryId).toList();
        List<String> refused = sent.stream().filter(s -> s.status() >= 300).map(Sent::deliveryId).toList();
        assertThat(accepted).as("some mutated deliveries are still GitHub's and accepted").hasSizeGreaterThan(CASES / 10);
        assertThat(refused).as("some are refused").hasSizeGreaterThan(CASES / 10);

        for (String id : refused) {
            assertThat(Inbox.count("SELECT COUNT(*) FROM delivery WHERE delivery_id = ?", id))
                    .as("refused delivery %s is not stored", id).isZero();
        }
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE delivery_id = ANY (?)",
                (Object) refused.toArray(String[]::new))).as("ledger entries of refused deliveries").isZero();

        List<String> acknowledged = sent.stream().filter(s -> s.status() == 200).map(Sent::deliveryId).toList();
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE delivery_id = ANY (?)",
                (Object) acknowledged.toArray(String[]::new))).as("ledger entries of deliveries acknowledged and dropped")
                .isZero();
        String[] acceptedIds = accepted.toArray(String[]::new);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Inbox.count("SELECT COUNT(*) FROM delivery WHERE delivery_id = ANY (?) AND status = 'PENDING'",
                        (Object) acceptedIds) == 0);
        // A valid delivery may need a second attempt when concurrent ones deadlock on the same rows (the
        // database's answer to contention, retried as designed); an invalid one is parked at its first.
        List<Map<String, Object>> unsettled = Inbox.rows("SELECT delivery_id, status, attempts, last_error FROM delivery "
                + "WHERE delivery_id = ANY (?) AND (status NOT IN ('PROCESSED', 'FAILED') "
                + "OR (status = 'FAILED' AND attempts <> 1))", (Object) acceptedIds);
        assertThat(unsettled).as("accepted deliveries neither processed nor parked at once").isEmpty();
        List<Map<String, Object>> failed = Inbox.rows("SELECT delivery_id, last_error FROM delivery "
                + "WHERE delivery_id = ANY (?) AND status = 'FAILED'", (Object) acceptedIds);
        assertThat(failed).as("parked deliveries say the payload is not GitHub's")
                .allSatisfy(row -> assertThat((String) row.get("last_error")).isNotBlank());
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE delivery_id = ANY (?)",
                (Object) failed.stream().map(row -> row.get("delivery_id")).toArray(String[]::new)))
                .as("ledger entries of parked deliveries").isZero();
        assertThat(Inbox.count("SELECT COUNT(*) FROM delivery WHERE delivery_id = ANY (?) AND status = 'PROCESSED'",
                (Object) acceptedIds)).as("processed deliveries").isPositive();
        System.out.printf("WebhookFuzzIT: %d accepted (%d parked as not GitHub's), %d refused; case kinds %s%n",
                accepted.size(), failed.size(), refused.size(), new TreeMap<>(kinds));
    }

    private Sent sendOne(Random random, Repo repo, List<User> users, int n) {
        String event = EVENTS[random.nextInt(EVENTS.length)];
        String template = template(event, repo, users.get(random.nextInt(users.size())),
                users.get(random.nextInt(users.size())), n);
        byte[] body = template.getBytes(StandardCharsets.UTF_8);
        String kind = "valid";
        int mutation = random.nextInt(17);
        switch (mutation) {
            case 0 -> {
                body = flipBytes(random, body);
                kind = "flipped-bytes";
            }
            case 1 -> {
                body = Arrays.copyOf(body, random.nextInt(body.length + 1));
                kind = "truncated";
            }
            case 2 -> {
                body = insertBytes(random, body);
                kind = "inserted-bytes";
            }
            case 3 -> {
                body = retype(random, template).getBytes(StandardCharsets.UTF_8);
                kind = "retyped-value";
            }
            case 4 -> {
                int depth = 1 + random.nextInt(5000);
                body = ("{\"action\":\"opened\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                kind = "deep-nesting";
            }
            case 5 -> {
                body = template.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE);
                kind = "utf-16";
            }
            case 6 -> {
                byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                byte[] withBom = new byte[body.length + 3];
                System.arraycopy(bom, 0, withBom, 0, 3);
                System.arraycopy(body, 0, withBom, 3, body.length);
                body = withBom;
                kind = "bom";
            }
            case 7 -> {
                String[] odd = {"", " ", "null", "[]", "[1,2]", "\"text\"", "42", "{}", "{\"action\":null}",
                        "{\"repository\":{\"id\":\"x\"}}", "{\"a\":1,\"a\":2}", "{\"action\":\"opened\"", "\u0000",
                        "{\"repository\":{\"id\":1e400,\"full_name\":5}}", "{\"installation\":{\"id\":-1}}"};
                body = odd[random.nextInt(odd.length)].getBytes(StandardCharsets.UTF_8);
                kind = "odd-document";
            }
            case 8 -> {
                body = template.replaceFirst("\"body\":\"", "\"body\":\"\uD83D\uDE00\u0000\u202E"
                        + "x".repeat(random.nextInt(200_000)) + "\\ud800").getBytes(StandardCharsets.UTF_8);
                kind = "strange-text";
            }
            case 9 -> {
                byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80};
                int at = Math.max(0, template.indexOf("\"title\":\"") + 9);
                byte[] spliced = new byte[body.length + invalid.length];
                System.arraycopy(body, 0, spliced, 0, at);
                System.arraycopy(invalid, 0, spliced, at, invalid.length);
                System.arraycopy(body, at, spliced, at + invalid.length, body.length - at);
                body = spliced;
                kind = "invalid-utf-8";
            }
            case 10 -> {
                body = template.replaceAll("\"(id|number)\":\\d+", "\"$1\":" + oddNumber(random))
                        .getBytes(StandardCharsets.UTF_8);
                kind = "odd-numbers";
            }
            case 11 -> {
                body = randomBytes(random, random.nextInt(4000));
                kind = "random-bytes";
            }
            case 12 -> {
                String[] hostile = {"", "octo\\u0000cat", "octo\\ncat", "n".repeat(256), "\\u0007"};
                String key = random.nextBoolean() ? "login" : "full_name";
                body = template.replaceAll("\"" + key + "\":\"[^\"]*\"",
                        Matcher.quoteReplacement("\"" + key + "\":\"" + hostile[random.nextInt(hostile.length)] + "\""))
                        .getBytes(StandardCharsets.UTF_8);
                kind = "hostile-name";
            }
            default -> {
                // the valid delivery, with the headers (below) as the only mutation
            }
        }
        String deliveryId = GitHubWebhooks.newDeliveryId();
        String eventHeader = event;
        String contentType = "application/json";
        boolean chunked = false;
        boolean signed = true;
        String signature = GitHubWebhooks.sign(body, ItEnvironment.WEBHOOK_SECRET);
        switch (random.nextInt(14)) {
            case 0 -> {
                signed = false;
                signature = GitHubWebhooks.sign(body, "not-the-secret");
                kind += "+wrong-signature";
            }
            case 1 -> {
                signed = false;
                signature = null;
                kind += "+no-signature";
            }
            case 2 -> {
                signed = false;
                String[] odd = {"", "sha256=", "sha1=" + "0".repeat(40), "sha256=zz", signature + "00",
                        signature.substring(0, signature.length() - 1), "sha256=" + "a".repeat(5000)};
                signature = odd[random.nextInt(odd.length)];
                kind += "+odd-signature";
            }
            case 3 -> {
                String[] odd = {"", " ", "unknown_event", "PULL_REQUEST", "pull_request\u0000", "e".repeat(300),
                        "pull request", "../../etc", "\u00e9v\u00e9nement"};
                eventHeader = odd[random.nextInt(odd.length)];
                kind += "+odd-event";
            }
            case 4 -> {
                String[] odd = {"", " ", "d".repeat(300), "\u00e9\u00e9", "../x", "id with spaces", "%00"};
                deliveryId = odd[random.nextInt(odd.length)] + (random.nextBoolean() ? "" : GitHubWebhooks.newDeliveryId());
                kind += "+odd-delivery-id";
            }
            case 5 -> {
                String[] odd = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
                        "application/octet-stream", "multipart/form-data; boundary=x"};
                contentType = odd[random.nextInt(odd.length)];
                kind += "+content-type";
            }
            case 6 -> {
                chunked = true;
                kind += "+chunked";
            }
            case 7 -> {
                eventHeader = null;
                kind += "+no-event";
            }
            default -> {
                // headers as GitHub sends them
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(github.endpoint())
                .header("Content-Type", contentType)
                .header("User-Agent", "GitHub-Hookshot/fuzz")
                // A source address of its own, so that refused signatures never reach the per-address limit.
                .header("X-Forwarded-For", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256))
                .POST(chunked ? chunkedBody(body) : HttpRequest.BodyPublishers.ofByteArray(body));
        if (eventHeader != null) {
            request.header("X-GitHub-Event", clean(eventHeader));
        }
        if (!deliveryId.isEmpty()) {
            request.header("X-GitHub-Delivery", clean(deliveryId));
        }
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        HttpResponse<String> answer = github.sendRaw(request);
        return new Sent(clean(deliveryId), signed, answer.statusCode(), kind);
    }

    private static String template(String event, Repo repo, User author, User other, int n) {
        return switch (event) {
            case "pull_request" -> GitHubPayloads.pullRequestOpened(repo, author, n, "Fix parser case " + n,
                    "Handles the empty file case " + n + ".", 5, 1, 1);
            case "issue_comment" -> GitHubPayloads.issueComment(repo, author, n, "Confirmed on version " + n + ".");
            case "pull_request_review" -> GitHubPayloads.reviewSubmitted(repo, author, other, n);
            case "push" -> GitHubPayloads.push(repo, author, "main", "README.md");
            default -> GitHubPayloads.ping(n);
        };
    }

    /** Header values the HTTP client refuses (control characters) are sent with those removed. */
    private static String clean(String value) {
        return value.replaceAll("[\\x00-\\x1F\\x7F]", "");
    }

    private static byte[] flipBytes(Random random, byte[] body) {
        byte[] copy = body.clone();
        for (int i = 0, flips = 1 + random.nextInt(8); i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] insertBytes(Random random, byte[] body) {
        int at = random.nextInt(body.length + 1);
        byte[] insert = random.nextBoolean() ? randomBytes(random, 1 + random.nextInt(20))
                : new String[] {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800"}[random.nextInt(10)]
                        .getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[body.length + insert.length];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(body, at, result, at + insert.length, body.length - at);
        return result;
    }

    /** Gives one of the payload's keys a value of another JSON type. */
    private static String retype(Random random, String json) {
        String[] keys = {"action", "repository", "installation", "id", "number", "user", "login", "type", "body",
                "title", "pull_request", "issue", "comment", "review", "sender", "full_name", "merged", "additions",
                "ref", "commits", "head_commit", "hook_id", "state"};
        String key = keys[random.nextInt(keys.length)];
        @SuppressWarnings("unchecked")
        Supplier<String>[] values = new Supplier[] {() -> "null", () -> "true", () -> "[]", () -> "{}", () -> "\"\"",
                () -> "-1", () -> "1.5", () -> "\"" + "z".repeat(random.nextInt(1000)) + "\"",
                () -> "[{\"id\":1}]", () -> oddNumber(random)};
        String value = values[random.nextInt(values.length)].get();
        return json.replaceAll("\"" + key + "\":(\"[^\"]*\"|-?\\d+|true|false|null)", "\"" + key + "\":" + value);
    }

    private static String oddNumber(Random random) {
        String[] odd = {"-1", "0", "9223372036854775807", "9223372036854775808", "1e308", "-0", "1.0",
                "99999999999999999999999999999999", "2147483648"};
        return odd[random.nextInt(odd.length)];
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A body of unknown length, which the client sends with chunked transfer encoding. */
    private static HttpRequest.BodyPublisher chunkedBody(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }
}

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load generator for the webhook intake: N connections each send signed ~20 KB
 * {@code pull_request} deliveries back to back (HTTP/1.1 keep-alive), each with a unique
 * X-GitHub-Delivery id, for a warm-up and then a measured window. JDK only:
 *
 * <pre>java bench/WebhookLoad.java [--url U] [--secret S] [--connections 32] [--duration 30]
 *                               [--warmup 5] [--payload-bytes 20000] [--max-requests 5000000]
 *                               [--client raw|jdk] [--authors 3000]</pre>
 *
 * Defaults come from BENCH_URL (else http://localhost:$MERITOCRAB_HTTP_PORT/webhooks/github),
 * MERITOCRAB_GITHUB_WEBHOOK_SECRET, BENCH_CONNECTIONS, BENCH_DURATION, BENCH_WARMUP, BENCH_CLIENT.
 * Only loopback targets are accepted. The last line is machine-readable for intake.sh:
 * {@code RESULT accepted_total=.. accepted_per_s=.. p50_ms=.. p99_ms=.. max_ms=.. errors=.. load_end_epoch_ms=..}
 *
 * Latency is measured per request from just before the request is written to when the whole answer
 * has been read. This is a closed loop (a slow answer delays the next request on that connection),
 * so it understates latency under overload; throughput is what the server sustained, not an offered rate.
 */
public class WebhookLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parseArgs(args);
        String port = env("MERITOCRAB_HTTP_PORT", "9080");
        URI url = URI.create(opt.getOrDefault("url", env("BENCH_URL", "http://localhost:" + port + "/webhooks/github")));
        String secret = opt.getOrDefault("secret", env("MERITOCRAB_GITHUB_WEBHOOK_SECRET", ""));
        int connections = Integer.parseInt(opt.getOrDefault("connections", env("BENCH_CONNECTIONS", "32")));
        double durationS = Double.parseDouble(opt.getOrDefault("duration", env("BENCH_DURATION", "30")));
        double warmupS = Double.parseDouble(opt.getOrDefault("warmup", env("BENCH_WARMUP", "5")));
        int payloadBytes = Integer.parseInt(opt.getOrDefault("payload-bytes", "20000"));
        long maxRequests = Long.parseLong(opt.getOrDefault("max-requests", "5000000"));
        String client = opt.getOrDefault("client", env("BENCH_CLIENT", "raw"));
        int authors = Integer.parseInt(opt.getOrDefault("authors", env("BENCH_AUTHORS", "3000")));

        if (secret.isEmpty()) fail("no secret: pass --secret or set MERITOCRAB_GITHUB_WEBHOOK_SECRET");
        if (!"http".equals(url.getScheme())) fail("only http:// URLs are supported: " + url);
        if (connections < 1 || connections > 512) fail("connections must be 1..512");
        if (durationS <= 0 || durationS > 3600 || warmupS < 0 || warmupS > 600) fail("duration must be in (0, 3600] s, warm-up in [0, 600] s");
        if (!client.equals("raw") && !client.equals("jdk")) fail("--client must be raw or jdk");
        if (authors < 1 || authors > 1_000_000) fail("authors must be 1..1000000");
        InetAddress target = loopbackOnly(url.getHost());

        Payloads payloads = new Payloads(secret.getBytes(StandardCharsets.UTF_8), payloadBytes, authors);
        System.out.printf("WebhookLoad: %s, %d connections (%s client), warm-up %.0f s, measured %.0f s, payload ~%,d bytes, %,d authors%n",
                url, connections, client, warmupS, durationS, payloads.typicalSize(), authors);

        long start = System.nanoTime();
        long warmEnd = start + (long) (warmupS * 1e9);
        long end = warmEnd + (long) (durationS * 1e9);
        AtomicLong issued = new AtomicLong();
        HttpClient jdk = client.equals("jdk")
                ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()
                : null;

        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = jdk != null ? new JdkWorker(jdk, url) : new RawWorker(target, url);
            w.init(payloads, issued, maxRequests, warmEnd, end);
            workers.add(w);
        }
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = new Thread(w, "load-" + threads.size());
            threads.add(t);
            t.start();
        }
        Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
        long cpuAtWarmEnd = processCpuNanos();
        for (Thread t : threads) t.join();
        long stopped = System.nanoTime();
        long stoppedEpochMs = System.currentTimeMillis(); // intake.sh times "all applied" from here
        long cpuAtStop = processCpuNanos();

        report(workers, warmEnd, Math.min(end, stopped), cpuAtStop - cpuAtWarmEnd, stopped - warmEnd, stoppedEpochMs);
    }

    // ---------------------------------------------------------------- results

    static void report(List<Worker> workers, long warmEnd, long windowEnd, long cpuNanos, long cpuWallNanos, long stoppedEpochMs) {
        long acceptedTotal = 0, sentTotal = 0, acceptedInWindow = 0, ioErrors = 0, n = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Worker w : workers) {
            acceptedTotal += w.acceptedTotal;
            sentTotal += w.sentTotal;
            acceptedInWindow += w.acceptedInWindow;
            ioErrors += w.ioErrors;
            n += w.latencyCount;
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
        }
        long[] lat = new long[(int) n];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, lat, at, w.latencyCount);
            at += w.latencyCount;
        }
        Arrays.sort(lat);
        double window = (windowEnd - warmEnd) / 1e9;
        double perS = window > 0 ? acceptedInWindow / window : 0;
        long errors = ioErrors + statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2).mapToLong(Map.Entry::getValue).sum();

        System.out.printf("measured window      : %.2f s, %,d answers%n", window, n);
        System.out.printf("accepted deliveries  : %,.0f /s  (%,d 2xx answers completed in the window)%n", perS, acceptedInWindow);
        System.out.printf("latency p50/p99/max  : %.2f / %.2f / %.2f ms%n", pct(lat, 50), pct(lat, 99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
        System.out.printf("answers by status    : %s%s%n", statuses, ioErrors > 0 ? ", I/O errors=" + ioErrors : "");
        System.out.printf("errors (non-2xx, I/O): %,d%s%n", errors, Worker.firstError == null ? "" : "  first I/O error: " + Worker.firstError);
        System.out.printf("whole run            : %,d sent, %,d accepted (warm-up included)%n", sentTotal, acceptedTotal);
        if (cpuNanos > 0) {
            System.out.printf("load generator CPU   : %.2f cores (%.1f us per answer) - shared with the server on this machine%n",
                    (double) cpuNanos / cpuWallNanos, n == 0 ? 0 : cpuNanos / 1e3 / n);
        }
        System.out.printf(java.util.Locale.ROOT, "RESULT accepted_total=%d accepted_per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d load_end_epoch_ms=%d%n",
                acceptedTotal, perS, pct(lat, 50), pct(lat, 99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, errors, stoppedEpochMs);
    }

    /** Nearest-rank percentile of sorted nanosecond samples, in ms. */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int idx = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    // ---------------------------------------------------------------- workers

    /** One connection's closed loop. Counters are plain fields: each is written by its own thread only and read after join(). */
    abstract static class Worker implements Runnable {
        static volatile String firstError;
        Payloads payloads;
        Mac[] macs;
        AtomicLong issued;
        long maxRequests, warmEnd, end;
        long sentTotal, acceptedTotal, acceptedInWindow, ioErrors;
        final Map<Integer, Long> statuses = new HashMap<>();
        long[] latencies = new long[1 << 14];
        int latencyCount;

        void init(Payloads p, AtomicLong issued, long maxRequests, long warmEnd, long end) throws Exception {
            this.payloads = p;
            this.macs = p.macsForThread();
            this.issued = issued;
            this.maxRequests = maxRequests;
            this.warmEnd = warmEnd;
            this.end = end;
        }

        /** Sends one delivery and returns the HTTP status; throws IOException when the exchange failed. */
        abstract int exchange(Payloads.Delivery d) throws Exception;

        abstract void closeConnection();

        @Override
        public void run() {
            while (System.nanoTime() < end) {
                long seq = issued.getAndIncrement();
                if (seq >= maxRequests) break;
                Payloads.Delivery d = payloads.delivery(seq, macs);
                long t0 = System.nanoTime();
                int status;
                try {
                    status = exchange(d);
                } catch (Exception e) {
                    if (ioErrors++ == 0 && firstError == null) firstError = e.toString();
                    closeConnection();
                    sleepQuietly(10); // don't spin if the server is gone
                    continue;
                } finally {
                    sentTotal++;
                }
                long t1 = System.nanoTime();
                statuses.merge(status, 1L, Long::sum);
                boolean ok = status / 100 == 2;
                if (ok) acceptedTotal++;
                if (t0 >= warmEnd) {
                    if (latencyCount == latencies.length) latencies = Arrays.copyOf(latencies, latencyCount * 2);
                    latencies[latencyCount++] = t1 - t0;
                }
                if (ok && t1 >= warmEnd && t1 <= end) acceptedInWindow++;
            }
            closeConnection();
        }
    }

    /**
     * A plain blocking socket per connection: write the prebuilt request, parse just enough of the answer
     * (status, Content-Length or chunked, Connection: close). Costs the load generator far less CPU than
     * java.net.http, which matters when it shares 2 cores with the server (see README).
     */
    static final class RawWorker extends Worker {
        private final InetSocketAddress address;
        private final byte[] requestHead;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        RawWorker(InetAddress target, URI url) {
            int port = url.getPort() > 0 ? url.getPort() : 80;
            this.address = new InetSocketAddress(target, port);
            String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            this.requestHead = ("POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port + "\r\n"
                    + "User-Agent: GitHub-Hookshot/meritocrab-bench\r\nAccept: */*\r\nContent-Type: application/json\r\n"
                    + "X-GitHub-Event: pull_request\r\nX-GitHub-Hook-ID: 424242\r\n"
                    + "X-GitHub-Hook-Installation-Target-Type: integration\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        int exchange(Payloads.Delivery d) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(address, 5_000);
                socket.setSoTimeout(30_000); // bounds a stuck answer
                out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            }
            out.write(requestHead);
            out.write(("X-GitHub-Delivery: " + d.id() + "\r\nX-Hub-Signature-256: sha256=" + d.signature()
                    + "\r\nContent-Length: " + d.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(d.prefix());
            out.write(d.suffix());
            out.flush();
            return readResponse();
        }

        private int readResponse() throws IOException {
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.")) throw new IOException("bad status line: " + statusLine);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false, close = statusLine.startsWith("HTTP/1.0");
            for (String h; !(h = readLine()).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim().toLowerCase(), value = h.substring(colon + 1).trim().toLowerCase();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(readLine().split(";")[0].trim(), 16)) > 0; ) {
                    skip(size);
                    readLine();
                }
                while (!readLine().isEmpty()) { /* trailers */ }
            } else if (contentLength >= 0) {
                skip(contentLength);
            } else if (status != 204 && status != 304 && status / 100 != 1) {
                while (in.read() >= 0) { /* body until close */ }
                close = true;
            }
            if (close) closeConnection();
            return status;
        }

        private String readLine() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) throw new EOFException("connection closed by server");
                if (c != '\r') sb.append((char) c);
            }
            return sb.toString();
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long k = in.skip(n);
                if (k <= 0) {
                    if (in.read() < 0) throw new EOFException("connection closed mid-body");
                    k = 1;
                }
                n -= k;
            }
        }

        @Override
        void closeConnection() {
            if (socket != null) {
                try { socket.close(); } catch (IOException ignored) { }
                socket = null;
            }
        }
    }

    /** java.net.http over HTTP/1.1; the client keeps one pooled keep-alive connection per busy thread. */
    static final class JdkWorker extends Worker {
        private final HttpClient client;
        private final URI url;

        JdkWorker(HttpClient client, URI url) {
            this.client = client;
            this.url = url;
        }

        @Override
        int exchange(Payloads.Delivery d) throws Exception {
            // Two buffers, no copy, but a fixed Content-Length (ofByteArrays alone would send chunked).
            Flow.Publisher<ByteBuffer> parts = HttpRequest.BodyPublishers.ofByteArrays(List.of(d.prefix(), d.suffix()));
            HttpRequest req = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "GitHub-Hookshot/meritocrab-bench")
                    .header("X-GitHub-Event", "pull_request")
                    .header("X-GitHub-Delivery", d.id())
                    .header("X-Hub-Signature-256", "sha256=" + d.signature())
                    .POST(HttpRequest.BodyPublishers.fromPublisher(parts, d.length()))
                    .build();
            return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        @Override
        void closeConnection() { }
    }

    // ---------------------------------------------------------------- payloads

    /**
     * Realistic {@code pull_request} "opened" payloads. As in GitHub's own, most of the ~20 KB is metadata:
     * the full repository objects under {@code head.repo} and {@code base.repo} (every *_url field) and the
     * {@code _links}; the PR description is a few KB of markdown. That constant part comes first in the JSON
     * (key order is irrelevant to a JSON parser) and is one of a few precomputed (description, repository)
     * pairs, so the HMAC over it is computed once per pair; per delivery only the ~2.5 KB tail (PR, author,
     * repository...) is built and fed to a clone of that HMAC state. This keeps the signing cost of the load
     * generator to a few microseconds while every delivery is distinct (own PR id/number, author, title) and
     * correctly signed.
     */
    static final class Payloads {
        record Delivery(String id, String signature, byte[] prefix, byte[] suffix) {
            int length() { return prefix.length + suffix.length; }
        }

        private static final String[][] REPOS = {
                {"meritocrab", "meritocrab", "700100"}, {"acme", "widgets", "700101"}, {"acme", "gizmo-server", "700102"},
                {"octo-org", "docs", "700103"}, {"octo-org", "cli", "700104"}, {"lambda-labs", "parser", "700105"}};
        private static final String[] WORDS = ("fix add update refactor remove cache parser webhook ledger credit contributor "
                + "repository config handler retry timeout queue database migration index schema test flaky docs readme "
                + "typo performance memory leak null check validation error message logging metrics endpoint token "
                + "signature payload json encoding unicode edge case regression release build pipeline lint format").split(" ");
        private static final String[] ASSOCIATIONS = {"CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR", "NONE", "FIRST_TIMER", "MEMBER"};
        private static final int TEXTS = 16;

        private static final int DESCRIPTION_BYTES = 2_500;

        private final byte[][] prefixes = new byte[TEXTS * REPOS.length][];
        private final Mac[] prefixMacs = new Mac[TEXTS * REPOS.length];
        private final long runId = ThreadLocalRandom.current().nextLong(1L << 24); // keeps PR ids distinct across runs
        private final int authors;
        private final long uuidHigh = (UUID.randomUUID().getMostSignificantBits() & ~0xF000L) | 0x4000L; // version 4
        private final String createdAt = Instant.now().toString().substring(0, 19) + "Z";

        Payloads(byte[] secret, int targetBytes, int authors) throws Exception {
            this.authors = authors;
            Random r = new Random(42);
            for (int repo = 0; repo < REPOS.length; repo++) {
                String metadata = constantMetadata(REPOS[repo]);
                // The description fills what GitHub's metadata leaves of the target size (at least 500 bytes).
                int descriptionBytes = Math.max(500, targetBytes - metadata.length() - tail(repo).length - 60);
                for (int k = 0; k < TEXTS; k++) {
                    String prefix = "{\"action\":\"opened\"," + metadata + ",\"body\":\""
                            + prText(r, descriptionBytes - 128 + r.nextInt(256)) + "\",";
                    int index = k * REPOS.length + repo;
                    prefixes[index] = prefix.getBytes(StandardCharsets.UTF_8);
                    prefixMacs[index] = Mac.getInstance("HmacSHA256");
                    prefixMacs[index].init(new SecretKeySpec(secret, "HmacSHA256"));
                    prefixMacs[index].update(prefixes[index]);
                }
            }
        }

        /**
         * What stays the same for every PR into one repository: the full repository object, and in the PR
         * the head and base branches (same-repository branches) with their full repository objects, and the
         * _links. Ends inside the pull_request object.
         */
        private static String constantMetadata(String[] repo) {
            String fullName = repo[0] + "/" + repo[1];
            String api = "https://api.github.com/repos/" + fullName;
            String repository = fullRepo(repo);
            String owner = owner(repo[0], Long.parseLong(repo[2]) + 1000);
            return "\"repository\":" + repository + ",\"pull_request\":{"
                    + "\"head\":{\"label\":\"" + repo[0] + ":feature\",\"ref\":\"feature\",\"sha\":\"6dcb09b5b57875f334f61aebed695e2e4193db5e\","
                    + "\"user\":" + owner + ",\"repo\":" + repository + "},"
                    + "\"base\":{\"label\":\"" + repo[0] + ":main\",\"ref\":\"main\",\"sha\":\"9049f1265b7d61be4a8904a9a27120d2064dab3b\","
                    + "\"user\":" + owner + ",\"repo\":" + repository + "},"
                    + "\"_links\":{\"self\":{\"href\":\"" + api + "/pulls\"},\"html\":{\"href\":\"https://github.com/" + fullName + "/pulls\"},"
                    + "\"issue\":{\"href\":\"" + api + "/issues\"},\"comments\":{\"href\":\"" + api + "/issues/comments\"},"
                    + "\"review_comments\":{\"href\":\"" + api + "/pulls/comments\"},\"review_comment\":{\"href\":\"" + api
                    + "/pulls/comments{/number}\"},\"commits\":{\"href\":\"" + api + "/commits\"},\"statuses\":{\"href\":\"" + api + "/statuses\"}},"
                    + "\"labels\":[],\"requested_reviewers\":[],\"requested_teams\":[],\"milestone\":null,\"merge_commit_sha\":null,"
                    + "\"assignees\":[],\"rebaseable\":null,\"auto_merge\":null,\"active_lock_reason\":null,\"maintainer_can_modify\":false";
        }

        /** A repository object with the fields GitHub puts in webhook payloads. */
        private static String fullRepo(String[] repo) {
            String fullName = repo[0] + "/" + repo[1];
            String api = "https://api.github.com/repos/" + fullName;
            StringBuilder json = new StringBuilder("{\"id\":" + repo[2] + ",\"node_id\":\"R_kgDO" + repo[2] + "\",\"name\":\""
                    + repo[1] + "\",\"full_name\":\"" + fullName + "\",\"private\":false,\"owner\":" + owner(repo[0], Long.parseLong(repo[2]) + 1000)
                    + ",\"html_url\":\"https://github.com/" + fullName + "\",\"description\":\"The " + repo[1] + " project\",\"fork\":false,\"url\":\"" + api + "\"");
            for (String path : new String[] {"forks", "keys{/key_id}", "collaborators{/collaborator}", "teams", "hooks",
                    "issues/events{/number}", "events", "assignees{/user}", "branches{/branch}", "tags", "git/blobs{/sha}",
                    "git/tags{/sha}", "git/refs{/sha}", "git/trees{/sha}", "statuses/{sha}", "languages", "stargazers",
                    "contributors", "subscribers", "subscription", "commits{/sha}", "git/commits{/sha}", "comments{/number}",
                    "issues/comments{/number}", "contents/{+path}", "compare/{base}...{head}", "merges", "{archive_format}{/ref}",
                    "downloads", "issues{/number}", "pulls{/number}", "milestones{/number}", "notifications{?since,all,participating}",
                    "labels{/name}", "releases{/id}", "deployments"}) {
                String key = path.replaceAll("\\{.*", "").replace("git/", "git_").replace("issues/events", "issue_events")
                        .replace("issues/comments", "issue_comment").replace("/", "_");
                json.append(",\"").append(key.isEmpty() ? "archive" : key).append("_url\":\"").append(api).append('/').append(path).append('"');
            }
            return json.append(",\"created_at\":\"2019-05-14T09:12:44Z\",\"updated_at\":\"2026-11-20T17:03:11Z\",\"pushed_at\":\"2026-11-22T08:41:09Z\"")
                    .append(",\"git_url\":\"git://github.com/").append(fullName).append(".git\",\"ssh_url\":\"git@github.com:").append(fullName)
                    .append(".git\",\"clone_url\":\"https://github.com/").append(fullName).append(".git\",\"svn_url\":\"https://github.com/")
                    .append(fullName).append("\",\"homepage\":null,\"size\":18231,\"stargazers_count\":1287,\"watchers_count\":1287,")
                    .append("\"language\":\"Java\",\"has_issues\":true,\"has_projects\":true,\"has_downloads\":true,\"has_wiki\":false,")
                    .append("\"has_pages\":false,\"has_discussions\":true,\"forks_count\":214,\"mirror_url\":null,\"archived\":false,")
                    .append("\"disabled\":false,\"open_issues_count\":93,\"license\":{\"key\":\"apache-2.0\",\"name\":\"Apache License 2.0\",")
                    .append("\"spdx_id\":\"Apache-2.0\",\"url\":\"https://api.github.com/licenses/apache-2.0\",\"node_id\":\"MDc6TGljZW5zZTI=\"},")
                    .append("\"allow_forking\":true,\"is_template\":false,\"web_commit_signoff_required\":false,\"topics\":[\"github-app\",")
                    .append("\"jakarta-ee\"],\"visibility\":\"public\",\"forks\":214,\"open_issues\":93,\"watchers\":1287,\"default_branch\":\"main\"}")
                    .toString();
        }

        private static String owner(String login, long id) {
            String api = "https://api.github.com/users/" + login;
            return "{\"login\":\"" + login + "\",\"id\":" + id + ",\"node_id\":\"MDEyOk9yZ2FuaXphdGlvbj" + id + "\",\"avatar_url\":"
                    + "\"https://avatars.githubusercontent.com/u/" + id + "?v=4\",\"gravatar_id\":\"\",\"url\":\"" + api + "\",\"html_url\":"
                    + "\"https://github.com/" + login + "\",\"followers_url\":\"" + api + "/followers\",\"following_url\":\"" + api
                    + "/following{/other_user}\",\"gists_url\":\"" + api + "/gists{/gist_id}\",\"starred_url\":\"" + api
                    + "/starred{/owner}{/repo}\",\"subscriptions_url\":\"" + api + "/subscriptions\",\"organizations_url\":\"" + api
                    + "/orgs\",\"repos_url\":\"" + api + "/repos\",\"events_url\":\"" + api + "/events{/privacy}\",\"received_events_url\":\""
                    + api + "/received_events\",\"type\":\"Organization\",\"site_admin\":false}";
        }

        /** Each thread gets its own copies of the prefix states (Mac is not thread-safe). */
        Mac[] macsForThread() throws CloneNotSupportedException {
            Mac[] copy = new Mac[prefixMacs.length];
            for (int k = 0; k < prefixMacs.length; k++) copy[k] = (Mac) prefixMacs[k].clone();
            return copy;
        }

        int typicalSize() {
            return prefixes[0].length + tail(0).length;
        }

        Delivery delivery(long seq, Mac[] macs) {
            int k = (int) (mix(seq) >>> 33) % TEXTS * REPOS.length + (int) (seq % REPOS.length);
            byte[] suffix = tail(seq);
            try {
                Mac mac = (Mac) macs[k].clone();
                return new Delivery(new UUID(uuidHigh, 0x8000000000000000L | seq).toString(), hex(mac.doFinal(suffix)), prefixes[k], suffix);
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The PR's own fields after the description, and the envelope's rest; unique per sequence number. */
        byte[] tail(long seq) {
            long h = mix(seq);
            String[] repo = REPOS[(int) (seq % REPOS.length)];
            String fullName = repo[0] + "/" + repo[1];
            // Unique within the repository, also across runs against the same database (a PR seen before is not evaluated again).
            long number = runId % 1000 * 1_000_000 + seq / REPOS.length + 1;
            long prId = 2_000_000_000L + runId * 10_000_000L + seq; // unique per run, below 2^53
            int author = (int) ((h >>> 8) % authors);
            String login = "contributor-" + author;
            long userId = 5_000_000L + author;
            String title = capital(WORDS[(int) (h % WORDS.length)]) + " " + WORDS[(int) ((h >>> 12) % WORDS.length)]
                    + " in " + WORDS[(int) ((h >>> 24) % WORDS.length)] + " (#" + number + ")";
            String sha = Long.toHexString(h) + Long.toHexString(mix(h)) + "abcdef01";
            String user = "{\"login\":\"" + login + "\",\"id\":" + userId + ",\"node_id\":\"MDQ6VXNlcj" + userId
                    + "\",\"avatar_url\":\"https://avatars.githubusercontent.com/u/" + userId + "?v=4\",\"html_url\":\"https://github.com/"
                    + login + "\",\"type\":\"User\",\"site_admin\":false}";
            String tail = "\"url\":\"https://api.github.com/repos/" + fullName + "/pulls/" + number + "\",\"id\":" + prId
                    + ",\"node_id\":\"PR_kwDO" + prId + "\",\"html_url\":\"https://github.com/" + fullName + "/pull/" + number
                    + "\",\"diff_url\":\"https://github.com/" + fullName + "/pull/" + number + ".diff\",\"number\":" + number
                    + ",\"state\":\"open\",\"locked\":false,\"title\":\"" + title + "\",\"user\":" + user
                    + ",\"author_association\":\"" + ASSOCIATIONS[(int) ((h >>> 40) % ASSOCIATIONS.length)] + "\""
                    + ",\"created_at\":\"" + createdAt + "\",\"updated_at\":\"" + createdAt + "\",\"closed_at\":null,\"merged_at\":null"
                    + ",\"draft\":false,\"merged\":false,\"mergeable\":null,\"comments\":0,\"review_comments\":0"
                    + ",\"commits\":" + (1 + h % 7) + ",\"additions\":" + ((h >>> 16) % 800) + ",\"deletions\":" + ((h >>> 28) % 300)
                    + ",\"changed_files\":" + (1 + (h >>> 36) % 25)
                    + "}"
                    + ",\"number\":" + number
                    + ",\"organization\":{\"login\":\"" + repo[0] + "\",\"id\":" + (Long.parseLong(repo[2]) + 1000) + "}"
                    + ",\"installation\":{\"id\":" + (9_100_000 + Long.parseLong(repo[2]) % 3) + ",\"node_id\":\"MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u\"}"
                    + ",\"sender\":" + user + "}";
            return tail.getBytes(StandardCharsets.UTF_8);
        }

        /** Markdown-ish PR description, JSON-escaped (newlines as \n), about n bytes. */
        private static String prText(Random r, int n) {
            StringBuilder sb = new StringBuilder(n + 200).append("## Summary\\n\\n");
            while (sb.length() < n) {
                int words = 8 + r.nextInt(14);
                sb.append(r.nextInt(6) == 0 ? "\\n- " : "");
                for (int i = 0; i < words; i++) sb.append(i == 0 ? capital(WORDS[r.nextInt(WORDS.length)]) : WORDS[r.nextInt(WORDS.length)]).append(' ');
                sb.setLength(sb.length() - 1);
                sb.append(r.nextInt(10) == 0 ? ". \\\"Quoted\\\" text, and unicode: caf\u00e9 \u2713.\\n\\n" : ". ");
            }
            return sb.toString();
        }

        private static String capital(String w) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }

        /** SplitMix64 finalizer: spreads consecutive sequence numbers over authors and texts. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return (z ^ (z >>> 31)) & Long.MAX_VALUE;
        }

        private static String hex(byte[] b) {
            char[] c = new char[b.length * 2];
            for (int i = 0; i < b.length; i++) {
                c[2 * i] = Character.forDigit((b[i] >> 4) & 0xF, 16);
                c[2 * i + 1] = Character.forDigit(b[i] & 0xF, 16);
            }
            return new String(c);
        }
    }

    // ---------------------------------------------------------------- plumbing

    /** Load tests here may only target this machine. */
    static InetAddress loopbackOnly(String host) throws Exception {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (java.net.UnknownHostException e) {
            fail("unknown host " + host);
            return null;
        }
        for (InetAddress a : all) {
            if (!a.isLoopbackAddress()) fail("refusing non-loopback target " + host + " (" + a.getHostAddress() + ")");
        }
        for (InetAddress a : all) {
            if (a instanceof java.net.Inet4Address) return a; // prefer 127.0.0.1 over ::1 for the raw client
        }
        return all[0];
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: java bench/WebhookLoad.java [--url U] [--secret S] [--connections N] [--duration S]"
                        + " [--warmup S] [--payload-bytes B] [--max-requests N] [--client raw|jdk] [--authors N]");
                System.exit(0);
            }
            if (!a.startsWith("--")) fail("unexpected argument: " + a);
            int eq = a.indexOf('=');
            if (eq > 0) m.put(a.substring(2, eq), a.substring(eq + 1));
            else if (i + 1 < args.length) m.put(a.substring(2), args[++i]);
            else fail("missing value for " + a);
        }
        return m;
    }

    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    static void sleepQuietly(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    static void fail(String msg) {
        System.err.println("WebhookLoad: " + msg);
        System.exit(2);
    }
}

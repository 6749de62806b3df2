import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Times console pages for the console benchmark (bench/console.sh): signs in with the admin token (the
 * local sign-in), then requests each page kind REQUESTS times after WARMUP requests, one at a time, and
 * prints p50/p95/max of the time to the last byte, measured on the same machine as the server.
 *
 *   java bench/PageTimer.java <base url> <admin token> <repository> <contributors> [requests] [warmup]
 */
public class PageTimer {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String repo = args[2];
        int contributors = Integer.parseInt(args[3]);
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 30;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        client.send(HttpRequest.newBuilder(URI.create(base + "/console/login.xhtml")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login/local"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        if (!login.headers().firstValue("Location").orElse("").endsWith("/console/index.xhtml")) {
            throw new IllegalStateException("sign-in failed: " + login.statusCode() + " " + login.headers().map());
        }
        String r = URLEncoder.encode(repo, StandardCharsets.UTF_8);
        String page = base + "/console/contributors.xhtml?repo=" + r;
        time(client, "contributors, first page (first seen)", requests, warmup, () -> page);
        time(client, "contributors, lowest credit, deep page", requests, warmup,
                () -> page + "&sort=credit&after=" + (90 + rnd(20)) + "~" + rnd(contributors));
        time(client, "contributors, highest credit first", requests, warmup, () -> page + "&sort=-credit");
        time(client, "contributors, most recently active", requests, warmup, () -> page + "&sort=-activity");
        time(client, "contributors, login search (prefix)", requests, warmup,
                () -> page + "&q=user" + rnd(contributors / 10) + "&sort=-credit");
        time(client, "contributor detail (ledger, chart)", requests, warmup,
                () -> base + "/console/contributor.xhtml?repo=" + r + "&login=user" + (1 + rnd(contributors)));
        time(client, "API contributor detail (JSON)", requests, warmup,
                () -> base + "/api/repos/" + repo + "/contributors/user" + (1 + rnd(contributors)));
    }

    interface Url {
        String next();
    }

    static int rnd(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    static void time(HttpClient client, String name, int requests, int warmup, Url url) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmup + requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.next())).timeout(Duration.ofSeconds(30)).build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + request.uri() + " answered " + response.statusCode());
            }
            if (i >= warmup) {
                millis.add(ms);
            }
        }
        Collections.sort(millis);
        System.out.printf("RESULT %-40s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", name, millis.size(),
                pct(millis, 50), pct(millis, 95), millis.get(millis.size() - 1));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

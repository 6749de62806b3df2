package it.io.meritocrab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/** One read of a server's /metrics (Prometheus text), as a scraper without credentials gets it. */
public final class PrometheusScrape {

    private final List<String> samples;

    private PrometheusScrape(List<String> samples) {
        this.samples = samples;
    }

    public static PrometheusScrape of(URL base) {
        URI uri = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/metrics");
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        return new PrometheusScrape(response.body().lines().filter(line -> !line.startsWith("#")).toList());
    }

    /** Whether a sample of this exact metric name (any labels) is present. */
    public boolean has(String name) {
        return samples.stream().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    /** The sum of the samples of the metric whose labels include every given name="value" pair. */
    public double value(String name, String... labels) {
        return samples.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> line.contains(label.replaceFirst("=(.*)", "=\"$1\""))))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Like {@link #value}, but a metric with no such sample fails the test instead of reading as 0. */
    public double require(String name, String... labels) {
        List<String> matching = samples.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> line.contains(label.replaceFirst("=(.*)", "=\"$1\""))))
                .toList();
        assertThat(matching).as("samples of %s with %s", name, Arrays.toString(labels)).isNotEmpty();
        return matching.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    public List<String> samples() {
        return samples;
    }
}

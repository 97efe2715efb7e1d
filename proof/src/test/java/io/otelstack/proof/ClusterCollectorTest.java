package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelstack.collector.ResourceDetectionProcessor;
import io.otelstack.testing.kube.ClusterNodes;
import io.otelstack.testing.kube.KubeApi;
import io.otelstack.testing.kube.KubeControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cluster collector's generated configuration, run by the real collector against the real
 * kube-apiserver, controller-manager and scheduler of the integration tier (v1.36.3), with prod's
 * nodes registered. It authenticates as its own service account, bound to exactly the ClusterRole
 * the release generates, so the proof covers the RBAC being enough as well as the receivers.
 *
 * <p>The cluster: a Deployment {@code checkout} of two replicas (the real controllers make its
 * ReplicaSet and pods, the real scheduler binds them); a pod {@code broken} whose node selector no
 * node matches, so the scheduler leaves it Pending and records a {@code FailedScheduling} event;
 * and, since no kubelet runs here, one {@code checkout} container's restart count set to 3 and its
 * last state to OOMKilled in the pod's status, as a kubelet reports a crash loop (KubeletStandIn
 * reports every bound pod Running and nothing else).
 *
 * <p>Swapped, because there is no pod: the receivers' {@code auth_type} becomes {@code kubeConfig}
 * with a kubeconfig holding the service account's token ({@code kubectl create token}) instead of
 * the token file mounted in a pod.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterCollectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHOP = "shop";
  private static final Duration DELIVERY = Duration.ofMinutes(3);

  private GeneratedStack stack;
  private KubeControlPlane plane;
  private Map<String, List<String>> nodes;
  private Path work;
  private OtlpSink sink;
  private LocalCollectors collector;

  @BeforeAll
  void runTheClusterCollectorAgainstARealApiServer() {
    stack = GeneratedStack.of("prod");
    plane = KubeControlPlane.start();
    KubeApi api = plane.api();
    nodes = ClusterNodes.register(api, stack.environment());
    work = LocalCollectors.tempDir("cluster-collector");
    Path kubeconfig = serviceAccountKubeconfig(clusterRoleRules());

    sink = new OtlpSink().start();
    Map<String, String> env =
        new LinkedHashMap<>(PodEnvironment.of(stack.clusterCollectorValues()));
    env.put("KUBECONFIG", kubeconfig.toString());
    collector =
        new LocalCollectors(
            "otel-cluster", stack.clusterCollectorConfig(), env, 1, work, sink, null, null);
    collector.reconfigure(0, ClusterCollectorTest::kubeConfigAuth);
    collector.start(0);
    // After the start: the events receiver watches from the current resource version on.
    workloads(api);
    Await.until(
        DELIVERY,
        "k8s.container.restarts 3 and a FailedScheduling event at the sink",
        () ->
            point("k8s.container.restarts", p -> p.value() == 3).isPresent()
                && event("FailedScheduling").isPresent());
    System.out.println("k8s_cluster series: " + seriesByObject());
  }

  @AfterAll
  void stop() {
    if (collector != null) {
      collector.close();
    }
    if (sink != null) {
      sink.close();
    }
    if (plane != null) {
      ClusterNodes.deregister(plane.api(), nodes);
      plane.close();
    }
    LocalCollectors.deleteTree(work);
  }

  @Test
  void reportsTheDeploymentsDesiredAndAvailableReplicas() {
    assertThat(point("k8s.deployment.desired", deployment("checkout")).map(p -> p.value()))
        .contains(2.0);
    assertThat(lastValue("k8s.deployment.available", deployment("checkout"))).isEqualTo(2.0);
  }

  @Test
  void reportsEachPodsPhaseRunningAndPending() {
    // k8s.pod.phase: 1 Pending, 2 Running.
    assertThat(lastValue("k8s.pod.phase", pod("broken"))).isEqualTo(1.0);
    assertThat(point("k8s.pod.phase", p -> podName(p).startsWith("checkout-") && p.value() == 2))
        .isPresent();
  }

  @Test
  void reportsTheRestartsTheKubeletReported() {
    assertThat(
            point("k8s.container.restarts", p -> p.value() == 3).map(ClusterCollectorTest::podName))
        .hasValueSatisfying(name -> assertThat(name).startsWith("checkout-"));
  }

  @Test
  void reportsTheNodesConditions() {
    Set<String> reported = new TreeSet<>();
    sink.metricPoints().stream()
        .filter(p -> p.name().equals("k8s.node.condition_ready"))
        .forEach(p -> reported.add(p.resource().get("k8s.node.name")));
    assertThat(reported).containsAll(nodes.values().stream().flatMap(List::stream).toList());
  }

  @Test
  void sendsTheSchedulersFailedSchedulingEventAsALog() {
    OtlpSink.ReceivedLog log = event("FailedScheduling").orElseThrow();
    assertThat(log.body()).contains("broken").contains("didn't match Pod's node affinity/selector");
  }

  @Test
  void namesTheClusterOnEveryMetricPoint() {
    Set<String> clusters = new TreeSet<>();
    sink.metricPoints()
        .forEach(
            p ->
                clusters.add(
                    p.resource().getOrDefault(ResourceDetectionProcessor.CLUSTER_NAME, "(none)")));
    assertThat(clusters).containsExactly("otel-stack-prod");
  }

  @Test
  void sendsOnlyTheK8sClusterFamilyBesidesItsOwnMetrics() {
    Set<String> names = new TreeSet<>();
    sink.metricPoints().stream()
        // The collector's own metrics: prometheus/self names its job the service.
        .filter(p -> !p.resource().containsKey("service.name"))
        .forEach(p -> names.add(p.name()));
    assertThat(names).isNotEmpty().allMatch(n -> n.startsWith("k8s."));
  }

  /**
   * Distinct {@code k8s_cluster} series by the object they describe: per pod (and its containers),
   * per node, per workload or namespace ("other"); the cost figures.
   */
  private Map<String, Integer> seriesByObject() {
    Map<String, Set<String>> series = new java.util.TreeMap<>();
    sink.metricPoints().stream()
        .filter(p -> !p.resource().containsKey("service.name"))
        .forEach(
            p -> {
              String object =
                  p.resource().containsKey("k8s.pod.uid")
                      ? "pod"
                      : p.name().startsWith("k8s.node.") ? "node" : "other";
              series.computeIfAbsent(object, o -> new TreeSet<>()).add(p.series());
            });
    Map<String, Integer> counts = new java.util.TreeMap<>();
    series.forEach((o, s) -> counts.put(o, s.size()));
    return counts;
  }

  private Optional<OtlpSink.MetricPoint> point(String name, Predicate<OtlpSink.MetricPoint> p) {
    return sink.metricPoints().stream().filter(m -> m.name().equals(name)).filter(p).findFirst();
  }

  private double lastValue(String name, Predicate<OtlpSink.MetricPoint> p) {
    return sink.metricPoints().stream()
        .filter(m -> m.name().equals(name))
        .filter(p)
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + name + " point"))
        .value();
  }

  private Optional<OtlpSink.ReceivedLog> event(String reason) {
    // The body is the watch notification, {type, object}; the sink prints a map as k=v.
    return sink.logs().stream().filter(l -> l.body().contains("reason=" + reason)).findFirst();
  }

  private static Predicate<OtlpSink.MetricPoint> deployment(String name) {
    return p ->
        name.equals(p.resource().get("k8s.deployment.name"))
            && SHOP.equals(p.resource().get("k8s.namespace.name"));
  }

  private static Predicate<OtlpSink.MetricPoint> pod(String name) {
    return p -> name.equals(podName(p));
  }

  private static String podName(OtlpSink.MetricPoint p) {
    return p.resource().getOrDefault("k8s.pod.name", "");
  }

  @SuppressWarnings("unchecked")
  private List<Object> clusterRoleRules() {
    return (List<Object>)
        ((Map<String, Object>) stack.clusterCollectorValues().get("clusterRole")).get("rules");
  }

  /**
   * The release's service account, bound to a ClusterRole of the generated rules, and a kubeconfig
   * with a token of it.
   */
  private Path serviceAccountKubeconfig(List<Object> rules) {
    KubeApi api = plane.api();
    String ns = stack.environment().collector().namespace();
    String name = "otel-cluster";
    api.create("/api/v1/namespaces", json("{\"metadata\":{\"name\":\"" + ns + "\"}}"));
    api.create(
        "/api/v1/namespaces/" + ns + "/serviceaccounts",
        json("{\"metadata\":{\"name\":\"" + name + "\"}}"));
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("metadata", Map.of("name", name));
    role.put("rules", rules);
    api.create("/apis/rbac.authorization.k8s.io/v1/clusterroles", JSON.valueToTree(role));
    api.create(
        "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
        json(
            "{\"metadata\":{\"name\":\""
                + name
                + "\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":"
                + "\"ClusterRole\",\"name\":\""
                + name
                + "\"},\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\""
                + name
                + "\",\"namespace\":\""
                + ns
                + "\"}]}"));
    String token = plane.kubectl("create", "token", name, "-n", ns, "--duration=2h").trim();
    try {
      String admin = Files.readString(plane.kubeconfig());
      Path file = work.resolve("cluster-collector.kubeconfig");
      Files.writeString(file, admin.replaceAll("(?m)^(\\s*token: ).*$", "$1" + token));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void workloads(KubeApi api) {
    api.create("/api/v1/namespaces", json("{\"metadata\":{\"name\":\"" + SHOP + "\"}}"));
    api.create(
        "/apis/apps/v1/namespaces/" + SHOP + "/deployments",
        json(
            """
            {"metadata": {"name": "checkout"},
             "spec": {"replicas": 2,
                      "selector": {"matchLabels": {"app": "checkout"}},
                      "template": {"metadata": {"labels": {"app": "checkout"}},
                                   "spec": {"containers": [{"name": "app",
                                                            "image": "shop/checkout:1"}]}}}}
            """));
    api.create(
        "/api/v1/namespaces/" + SHOP + "/pods",
        json(
            """
            {"metadata": {"name": "broken"},
             "spec": {"nodeSelector": {"otel-stack.io/no-such-node": "true"},
                      "containers": [{"name": "app", "image": "shop/broken:1"}]}}
            """));
    Await.until(
        DELIVERY,
        "both checkout pods Running",
        () -> checkoutPods(api).stream().filter(this::running).count() == 2);
    JsonNode first = checkoutPods(api).get(0);
    String path =
        "/api/v1/namespaces/" + SHOP + "/pods/" + first.at("/metadata/name").asText() + "/status";
    JsonNode status = first.path("status").deepCopy();
    com.fasterxml.jackson.databind.node.ObjectNode container =
        (com.fasterxml.jackson.databind.node.ObjectNode) status.path("containerStatuses").get(0);
    container.put("restartCount", 3);
    container
        .putObject("lastState")
        .putObject("terminated")
        .put("exitCode", 137)
        .put("reason", "OOMKilled")
        .put("startedAt", "2026-01-01T00:00:00Z")
        .put("finishedAt", "2026-01-01T00:01:00Z");
    api.mergePatch(path, JSON.createObjectNode().set("status", status));
  }

  private List<JsonNode> checkoutPods(KubeApi api) {
    List<JsonNode> pods = new java.util.ArrayList<>();
    api.get("/api/v1/namespaces/" + SHOP + "/pods?labelSelector=app%3Dcheckout")
        .path("items")
        .forEach(pods::add);
    return pods;
  }

  private boolean running(JsonNode pod) {
    return "Running".equals(pod.at("/status/phase").asText());
  }

  /** The receivers read the API through the kubeconfig, as there is no pod token file here. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> kubeConfigAuth(Map<String, Object> config) {
    ((Map<String, Object>) config.get("receivers"))
        .values()
        .forEach(
            r -> {
              Map<String, Object> body = (Map<String, Object>) r;
              if ("serviceAccount".equals(body.get("auth_type"))) {
                body.put("auth_type", "kubeConfig");
              }
            });
    return config;
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

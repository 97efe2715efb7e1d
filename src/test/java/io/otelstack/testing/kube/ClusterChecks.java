package io.otelstack.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * What a deployed telemetry stack must look like on the control plane, and what its destroy must
 * leave. Shared by the stack and module apply tests.
 */
public final class ClusterChecks {
  /** The collector chart's pods. */
  public static final String COLLECTOR = "opentelemetry-collector";

  /** The Target Allocator chart's pods. */
  public static final String TARGET_ALLOCATOR = "opentelemetry-target-allocator";

  /** The metrics/traces gateway's release, StatefulSet, Service and service account name. */
  public static final String GATEWAY_RELEASE = "otel-metrics-traces";

  /** The cluster collector's release, StatefulSet and service account name. */
  public static final String CLUSTER_RELEASE = "otel-cluster";

  private final KubeControlPlane plane;
  private final KubeApi api;

  /** Checks against one control plane. */
  public ClusterChecks(KubeControlPlane plane) {
    this.plane = plane;
    this.api = plane.api();
  }

  /**
   * Every Deployment, StatefulSet and DaemonSet of the namespace has all its pods, each admitted at
   * the Pod Security level the namespace enforces ({@code expectedLevel}); no pod was refused.
   */
  public void workloadsAdmittedAndReady(String namespace, String expectedLevel) {
    JsonNode ns = api.get("/api/v1/namespaces/" + namespace);
    assertThat(ns.at("/metadata/labels").path("pod-security.kubernetes.io/enforce").asText())
        .as("Pod Security level enforced in %s", namespace)
        .isEqualTo(expectedLevel);
    List<String> refused = new ArrayList<>();
    for (JsonNode e : api.get("/api/v1/namespaces/" + namespace + "/events").path("items")) {
      if ("FailedCreate".equals(e.path("reason").asText())) {
        refused.add(e.path("message").asText());
      }
    }
    assertThat(refused).as("pods refused in %s", namespace).isEmpty();
    for (String kind : List.of("deployments", "statefulsets")) {
      for (JsonNode w :
          api.get("/apis/apps/v1/namespaces/" + namespace + "/" + kind).path("items")) {
        assertThat(w.at("/status/readyReplicas").asInt())
            .as(
                "%s/%s ready replicas (KubeletStandIn: scheduled and admitted, no probe)",
                kind, w.at("/metadata/name").asText())
            .isEqualTo(w.at("/spec/replicas").asInt());
      }
    }
    for (JsonNode d :
        api.get("/apis/apps/v1/namespaces/" + namespace + "/daemonsets").path("items")) {
      assertThat(d.at("/status/numberReady").asInt())
          .as(
              "daemonset %s ready pods (KubeletStandIn: scheduled and admitted, no probe)",
              d.at("/metadata/name").asText())
          .isEqualTo(d.at("/status/desiredNumberScheduled").asInt());
    }
  }

  /**
   * The cluster collector: one replica of a StatefulSet (at most one pod, also in a rollout), read
   * access to what its receivers watch and nothing more; each logs agent may read its kubelet's
   * stats.
   */
  private void clusterCollectorBehaves(String gateway, String agents) {
    JsonNode sts =
        api.get("/apis/apps/v1/namespaces/" + gateway + "/statefulsets/" + CLUSTER_RELEASE);
    assertThat(sts.at("/spec/replicas").asInt()).as("cluster collector replicas").isEqualTo(1);
    assertThat(sts.at("/status/readyReplicas").asInt()).as("cluster collector ready").isEqualTo(1);
    assertThat(names(release(pods(gateway, COLLECTOR), CLUSTER_RELEASE)))
        .as("cluster collector pods")
        .hasSize(1);
    String sa = CLUSTER_RELEASE;
    for (String[] allowed :
        List.of(
            new String[] {"watch", "deployments.apps"},
            new String[] {"list", "pods"},
            new String[] {"watch", "nodes"},
            new String[] {"watch", "events.events.k8s.io"})) {
      assertThat(can(sa, gateway, allowed[0], allowed[1], "--all-namespaces"))
          .as("cluster collector may %s %s", allowed[0], allowed[1])
          .isTrue();
    }
    for (String[] denied :
        List.of(
            new String[] {"get", "pods"},
            new String[] {"list", "secrets"},
            new String[] {"list", "configmaps"})) {
      assertThat(can(sa, gateway, denied[0], denied[1], "--all-namespaces"))
          .as("cluster collector may not %s %s", denied[0], denied[1])
          .isFalse();
    }
    assertThat(can(sa, gateway, "get", "nodes", "--subresource=proxy"))
        .as("cluster collector proxies to kubelets")
        .isFalse();
    for (String agent : serviceAccountsOfPods(agents)) {
      assertThat(can(agent, agents, "get", "nodes", "--subresource=stats"))
          .as("%s reads kubelet stats", agent)
          .isTrue();
      assertThat(can(agent, agents, "get", "nodes", "--subresource=proxy"))
          .as("%s proxies to kubelets", agent)
          .isFalse();
    }
  }

  /** The pods of one release ({@code app.kubernetes.io/instance}). */
  public static List<JsonNode> release(List<JsonNode> pods, String release) {
    return pods.stream()
        .filter(
            p ->
                release.equals(
                    p.at("/metadata/labels").path("app.kubernetes.io/instance").asText()))
        .toList();
  }

  /** The pods of a chart ({@code app.kubernetes.io/name}) in a namespace. */
  public List<JsonNode> pods(String namespace, String chart) {
    List<JsonNode> pods = new ArrayList<>();
    api.get(
            "/api/v1/namespaces/"
                + namespace
                + "/pods?labelSelector=app.kubernetes.io%2Fname%3D"
                + chart)
        .path("items")
        .forEach(pods::add);
    return pods;
  }

  /** The objects' names, for short failure messages. */
  public static List<String> names(List<JsonNode> objects) {
    return objects.stream().map(o -> o.at("/metadata/name").asText()).toList();
  }

  /**
   * Deletes every PersistentVolume, so that a test after a failed one starts without its volumes
   * (the cleanup the README describes, minus the EBS part).
   */
  public void deleteAllVolumes() {
    for (JsonNode pv : list("/api/v1/persistentvolumes")) {
      api.delete("/api/v1/persistentvolumes/" + pv.at("/metadata/name").asText(), 0);
    }
  }

  /** The node each pod runs on. */
  public static Set<String> nodesOf(List<JsonNode> pods) {
    Set<String> nodes = new TreeSet<>();
    pods.forEach(p -> nodes.add(p.at("/spec/nodeName").asText()));
    return nodes;
  }

  /** A label of a node. */
  public String nodeLabel(String node, String label) {
    return api.get("/api/v1/nodes/" + node).at("/metadata/labels").path(label).asText();
  }

  /** The zones of the pods' nodes. */
  public Set<String> zonesOf(List<JsonNode> pods) {
    Set<String> zones = new TreeSet<>();
    nodesOf(pods).forEach(n -> zones.add(nodeLabel(n, "topology.kubernetes.io/zone")));
    return zones;
  }

  /** Every claim in the namespace is bound; returns how many there are. */
  public int claimsBound(String namespace) {
    JsonNode claims = api.get("/api/v1/namespaces/" + namespace + "/persistentvolumeclaims");
    for (JsonNode c : claims.path("items")) {
      assertThat(c.at("/status/phase").asText())
          .as("PVC %s", c.at("/metadata/name").asText())
          .isEqualTo("Bound");
    }
    return claims.path("items").size();
  }

  /**
   * The namespace's one HPA targets the StatefulSet {@code target} within the given bounds, and the
   * real HPA controller can act on it (condition AbleToScale).
   */
  public void hpaTargets(String namespace, String target, int minReplicas, int maxReplicas) {
    JsonNode hpas =
        api.get("/apis/autoscaling/v2/namespaces/" + namespace + "/horizontalpodautoscalers");
    assertThat(hpas.path("items").size()).as("HPAs in %s", namespace).isEqualTo(1);
    JsonNode spec = hpas.path("items").get(0).path("spec");
    assertThat(
            spec.at("/scaleTargetRef/kind").asText()
                + "/"
                + spec.at("/scaleTargetRef/name").asText())
        .isEqualTo("StatefulSet/" + target);
    assertThat(spec.path("minReplicas").asInt()).isEqualTo(minReplicas);
    assertThat(spec.path("maxReplicas").asInt()).isEqualTo(maxReplicas);
    String name = hpas.path("items").get(0).at("/metadata/name").asText();
    await(
        "HPA " + name + " AbleToScale",
        () ->
            condition(
                api.get(
                    "/apis/autoscaling/v2/namespaces/"
                        + namespace
                        + "/horizontalpodautoscalers/"
                        + name),
                "AbleToScale"));
  }

  /** Every PDB of the namespace selects running pods, all healthy, and allows one disruption. */
  public void disruptionBudgetsCoverPods(String namespace) {
    JsonNode pdbs = api.get("/apis/policy/v1/namespaces/" + namespace + "/poddisruptionbudgets");
    assertThat(pdbs.path("items")).as("PDBs in %s", namespace).isNotEmpty();
    for (JsonNode pdb : pdbs.path("items")) {
      String name = pdb.at("/metadata/name").asText();
      String path = "/apis/policy/v1/namespaces/" + namespace + "/poddisruptionbudgets/" + name;
      await(
          "PDB " + name + " covers healthy pods and allows a disruption",
          () -> {
            JsonNode s = api.get(path).path("status");
            return s.path("expectedPods").asInt() > 0
                && s.path("currentHealthy").asInt() == s.path("expectedPods").asInt()
                && s.path("disruptionsAllowed").asInt() >= 1;
          });
    }
  }

  /** {@code kubectl auth can-i} as a service account: the real RBAC authorizer's answer. */
  public boolean can(String serviceAccount, String namespace, String... verbResourceFlags) {
    List<String> args = new ArrayList<>(List.of("auth", "can-i"));
    args.addAll(List.of(verbResourceFlags));
    args.add("--as=system:serviceaccount:" + namespace + ":" + serviceAccount);
    return plane.kubectlResult(args.toArray(String[]::new)).stdout().trim().equals("yes");
  }

  /** The service accounts the namespace's pods run as. */
  public Set<String> serviceAccountsOfPods(String namespace) {
    Set<String> accounts = new TreeSet<>();
    api.get("/api/v1/namespaces/" + namespace + "/pods")
        .path("items")
        .forEach(p -> accounts.add(p.at("/spec/serviceAccountName").asText()));
    return accounts;
  }

  /** Names of the cluster-scoped objects of a kind (e.g. {@code /api/v1/persistentvolumes}). */
  public List<JsonNode> list(String path) {
    List<JsonNode> items = new ArrayList<>();
    api.get(path).path("items").forEach(items::add);
    return items;
  }

  /** Waits until the namespace is gone. */
  public void awaitGone(String namespace) {
    await(
        "namespace " + namespace + " deleted",
        () -> api.find("/api/v1/namespaces/" + namespace).isEmpty());
  }

  /**
   * The checks every deployed telemetry stack must pass, whatever deployed it: workloads admitted
   * and ready (gateway namespace {@code restricted}, agents {@code privileged}), one logs agent on
   * every node, the gateway at its minimum replicas with every queue claim bound, the HPA and PDBs
   * working, and each service account allowed what it needs and no more.
   *
   * @param gatewayReplicas the HPA's minimum, which the StatefulSet starts at
   */
  public void stackBehaves(
      String gateway,
      String agents,
      int gatewayReplicas,
      int hpaMaxReplicas,
      int taReplicas,
      Set<String> nodes) {
    // With autoscaling on, the chart leaves the StatefulSet's replicas to the HPA: Helm sees one
    // ready replica, then the real HPA controller raises it to its minimum.
    hpaTargets(gateway, GATEWAY_RELEASE, gatewayReplicas, hpaMaxReplicas);
    String statefulSet = "/apis/apps/v1/namespaces/" + gateway + "/statefulsets/" + GATEWAY_RELEASE;
    await(
        "the HPA scales "
            + GATEWAY_RELEASE
            + " to "
            + gatewayReplicas
            + " ready replicas (KubeletStandIn: scheduled and admitted, no probe)",
        () -> api.get(statefulSet).at("/status/readyReplicas").asInt() == gatewayReplicas);
    workloadsAdmittedAndReady(gateway, "restricted");
    workloadsAdmittedAndReady(agents, "privileged");
    assertThat(nodesOf(pods(agents, COLLECTOR))).as("nodes running a logs agent").isEqualTo(nodes);
    assertThat(names(release(pods(gateway, COLLECTOR), GATEWAY_RELEASE)))
        .as("gateway pods")
        .hasSize(gatewayReplicas);
    clusterCollectorBehaves(gateway, agents);
    assertThat(names(pods(gateway, TARGET_ALLOCATOR)))
        .as("Target Allocator pods")
        .hasSize(taReplicas);
    assertThat(claimsBound(gateway))
        .as("queue claims: the gateway's and the cluster collector's")
        .isEqualTo(gatewayReplicas + 1);
    disruptionBudgetsCoverPods(gateway);

    String ta = GATEWAY_RELEASE + "-ta";
    assertThat(can(ta, gateway, "list", "pods", "--all-namespaces")).as("TA lists pods").isTrue();
    assertThat(
            can(ta, gateway, "list", "servicemonitors.monitoring.coreos.com", "--all-namespaces"))
        .as("TA lists ServiceMonitors (the chart's own broad role is off)")
        .isFalse();
    assertThat(
            can(GATEWAY_RELEASE, gateway, "list", "endpointslices.discovery.k8s.io", "-n", gateway))
        .as("gateway resolves its sampling peers")
        .isTrue();
    for (String sa : serviceAccountsOfPods(agents)) {
      assertThat(can(sa, agents, "list", "pods", "--all-namespaces"))
          .as("%s lists pods", sa)
          .isTrue();
    }
    for (String ns : List.of(gateway, agents)) {
      for (String sa : serviceAccountsOfPods(ns)) {
        assertThat(can(sa, ns, "get", "secrets", "-n", ns)).as("%s reads secrets", sa).isFalse();
        assertThat(can(sa, ns, "create", "pods", "-n", ns)).as("%s creates pods", sa).isFalse();
      }
    }
  }

  /**
   * After destroy: both namespaces gone, no StorageClass, ClusterRole, ClusterRoleBinding or
   * PriorityClass of the stack, and nothing left but the queue volumes, {@code Released} and {@code
   * Retain}ed as the README says. Then runs the README's cleanup command and checks that it removes
   * them.
   */
  public void destroyLeftOnlyRetainedQueueVolumes(
      String gateway, String agents, String queueClass, int queueVolumes) {
    awaitGone(gateway);
    awaitGone(agents);
    assertThat(list("/apis/storage.k8s.io/v1/storageclasses")).as("storage classes left").isEmpty();
    for (String kind :
        List.of(
            "/apis/rbac.authorization.k8s.io/v1/clusterroles",
            "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
            "/apis/scheduling.k8s.io/v1/priorityclasses")) {
      assertThat(list(kind).stream().map(o -> o.at("/metadata/name").asText()))
          .as("%s left", kind)
          .noneMatch(n -> n.contains("otel") || n.startsWith(gateway));
    }
    List<JsonNode> volumes = list("/api/v1/persistentvolumes");
    assertThat(names(volumes)).as("volumes left").hasSize(queueVolumes);
    for (JsonNode pv : volumes) {
      assertThat(pv.at("/spec/storageClassName").asText()).isEqualTo(queueClass);
      assertThat(pv.at("/spec/persistentVolumeReclaimPolicy").asText()).isEqualTo("Retain");
      assertThat(pv.at("/status/phase").asText()).isEqualTo("Released");
    }
    // The README's cleanup, step 1: list the retained queue volumes and their EBS volume IDs.
    String listed =
        plane.kubectl(
            "get",
            "pv",
            "-o",
            "jsonpath={range .items[?(@.spec.storageClassName==\""
                + queueClass
                + "\")]}"
                + "{.metadata.name} {.spec.csi.volumeHandle}{\"\\n\"}{end}");
    List<String> names = listed.lines().map(l -> l.split(" ")[0]).toList();
    assertThat(names).hasSize(queueVolumes);
    // Step 3 (step 2, aws ec2 delete-volume, has no AWS here): delete the PersistentVolumes.
    if (!names.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("delete", "pv"));
      args.addAll(names);
      plane.kubectl(args.toArray(String[]::new));
    }
    assertThat(list("/api/v1/persistentvolumes")).as("volumes after the cleanup").isEmpty();
  }

  private static boolean condition(JsonNode object, String type) {
    for (JsonNode c : object.at("/status/conditions")) {
      if (type.equals(c.path("type").asText())) {
        return "True".equals(c.path("status").asText());
      }
    }
    return false;
  }

  private static void await(String what, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 90 s: " + what);
      }
      KubeApi.pause(Duration.ofSeconds(1));
    }
  }
}

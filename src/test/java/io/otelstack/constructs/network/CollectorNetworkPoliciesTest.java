package io.otelstack.constructs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.constructs.logs.LogsDaemonSet;
import io.otelstack.constructs.metrics.ClusterCollectorStatefulSet;
import io.otelstack.constructs.metrics.ClusterCollectorStatefulSetProps;
import io.otelstack.constructs.metrics.Fixtures;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.metrics.TargetAllocator;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.testing.Synth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CollectorNetworkPoliciesTest {
  private static final Map<String, String> GATEWAY_PODS =
      Map.of(
          "app.kubernetes.io/name", "opentelemetry-collector",
          "app.kubernetes.io/instance", "otel-metrics-traces",
          "component", "statefulset-collector");

  /** The synthesized policies, by construct ID, with the props customized. */
  private static Map<String, JsonNode> policies(
      UnaryOperator<CollectorNetworkPoliciesPropsBuilder> customize) {
    TerraformStack stack = Synth.stack();
    new CollectorNetworkPolicies(stack, "NetworkPolicies", customize.apply(props(stack)).build());
    JsonNode all = Synth.json(stack).path("resource").path("kubernetes_network_policy_v1");
    Map<String, JsonNode> byId = new java.util.TreeMap<>();
    all.fields()
        .forEachRemaining(
            e ->
                byId.put(
                    e.getKey().replaceAll("^NetworkPolicies_|_[0-9A-F]{8}$", ""), e.getValue()));
    return byId;
  }

  private static CollectorNetworkPoliciesPropsBuilder props(TerraformStack stack) {
    MetricsTracesStatefulSet gateway = Fixtures.collector(stack);
    TargetAllocator allocator =
        new TargetAllocator(stack, "TargetAllocator", Fixtures.allocatorProps(gateway).build());
    CoralogixKubernetesSecret agentKey = Fixtures.secret(stack, "observability-agents", "Agent");
    LogsDaemonSet logs = new LogsDaemonSet(stack, "Logs", Fixtures.agentProps(agentKey).build());
    return CollectorNetworkPoliciesProps.builder()
        .gateway(gateway)
        .targetAllocator(allocator)
        .logs(logs)
        .kubernetesApiCidrs(List.of("10.0.0.0/16"));
  }

  private static Map<String, String> labels(JsonNode selector) {
    Map<String, String> labels = new java.util.HashMap<>();
    selector
        .path("match_labels")
        .fields()
        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static List<String> ports(JsonNode rule) {
    List<String> ports = new ArrayList<>();
    rule.path("ports")
        .forEach(p -> ports.add(p.path("port").asText() + "/" + p.path("protocol").asText()));
    return ports;
  }

  @Test
  void deniesEverythingByDefaultInBothNamespaces() {
    Map<String, JsonNode> p = policies(b -> b);

    assertThat(p)
        .containsOnlyKeys(
            "GatewayDefaultDeny", "AgentDefaultDeny", "Gateway", "TargetAllocator", "Logs");
    for (String id : List.of("GatewayDefaultDeny", "AgentDefaultDeny")) {
      JsonNode spec = p.get(id).path("spec");
      assertThat(spec.path("pod_selector").path("match_labels").size()).isZero();
      assertThat(spec.path("policy_types").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
      assertThat(spec.has("ingress")).isFalse();
      assertThat(spec.has("egress")).isFalse();
    }
    assertThat(p.get("GatewayDefaultDeny").path("metadata").path("namespace").asText())
        .isEqualTo("observability");
    assertThat(p.get("AgentDefaultDeny").path("metadata").path("namespace").asText())
        .isEqualTo("observability-agents");
  }

  @Test
  void letsPodsOfEveryNamespaceSendOtlpByDefault() {
    JsonNode otlp = policies(b -> b).get("Gateway").path("spec").path("ingress").get(0);

    assertThat(ports(otlp)).containsExactly("4317/TCP", "4318/TCP");
    assertThat(otlp.path("from")).hasSize(1);
    assertThat(otlp.path("from").get(0).has("namespace_selector")).isTrue();
    assertThat(otlp.path("from").get(0).path("namespace_selector").path("match_labels").size())
        .isZero();
  }

  @Test
  void letsOnlyTheListedNamespacesSendOtlp() {
    JsonNode otlp =
        policies(b -> b.otlpClientNamespaces(List.of("apps", "payments")))
            .get("Gateway")
            .path("spec")
            .path("ingress")
            .get(0);

    assertThat(otlp.path("from").findValuesAsText("kubernetes.io/metadata.name"))
        .containsExactly("apps", "payments");
  }

  @Test
  void opensTheSamplingPortToGatewayPodsOnly() {
    JsonNode spec = policies(b -> b).get("Gateway").path("spec");
    JsonNode sampling = spec.path("ingress").get(1);

    assertThat(ports(sampling)).containsExactly("4319/TCP");
    assertThat(sampling.path("from")).hasSize(1);
    assertThat(sampling.path("from").get(0).has("namespace_selector")).isFalse();
    assertThat(labels(sampling.path("from").get(0).path("pod_selector"))).isEqualTo(GATEWAY_PODS);
  }

  @Test
  void opensTheAllocatorToGatewayPodsOnly() {
    JsonNode spec = policies(b -> b).get("TargetAllocator").path("spec");

    assertThat(spec.path("ingress")).hasSize(1);
    assertThat(ports(spec.path("ingress").get(0))).containsExactly("8080/TCP");
    assertThat(labels(spec.path("ingress").get(0).path("from").get(0).path("pod_selector")))
        .isEqualTo(GATEWAY_PODS);
    assertThat(spec.path("egress").findValuesAsText("cidr")).containsExactly("10.0.0.0/16");
  }

  @Test
  void confinesTheClusterCollectorToTheApiDnsAndCoralogix() {
    Map<String, JsonNode> p =
        policies(
            b -> {
              TerraformStack stack = (TerraformStack) b.gateway().getNode().getScope();
              CoralogixKubernetesSecret key = Fixtures.secret(stack, "observability", "ClusterKey");
              return b.clusterCollector(
                  new ClusterCollectorStatefulSet(
                      stack,
                      "ClusterCollector",
                      ClusterCollectorStatefulSetProps.builder()
                          .namespace(key.namespace())
                          .coralogixSecret(key)
                          .coralogixDomain("eu2.coralogix.com")
                          .coralogixApplicationName("otel-stack")
                          .clusterName("otel-stack-eks")
                          .build()));
            });
    JsonNode spec = p.get("ClusterCollector").path("spec");

    assertThat(labels(spec.path("pod_selector")))
        .containsEntry("app.kubernetes.io/instance", "otel-cluster");
    assertThat(spec.has("ingress")).isFalse();
    List<String> egress = new ArrayList<>();
    spec.path("egress").forEach(r -> egress.addAll(ports(r)));
    assertThat(egress).containsExactly("53/UDP", "53/TCP", "443/TCP", "443/TCP");
  }

  @Test
  void letsEachAgentReachTheKubeletsInTheApiBlocks() {
    JsonNode kubelet = policies(b -> b).get("Logs").path("spec").path("egress").get(0);

    assertThat(ports(kubelet)).containsExactly("10250/TCP");
    assertThat(kubelet.findValuesAsText("cidr")).containsExactly("10.0.0.0/16");
  }

  @Test
  void reachesCoralogixOnPublicAddressesOnly() {
    for (String id : List.of("Gateway", "Logs")) {
      JsonNode coralogix = coralogixRule(policies(b -> b).get(id));

      assertThat(ports(coralogix)).containsExactly("443/TCP");
      assertThat(coralogix.path("to").get(0).path("ip_block").path("cidr").asText())
          .isEqualTo("0.0.0.0/0");
      assertThat(coralogix.path("to").get(0).path("ip_block").path("except").toString())
          .isEqualTo(
              "[\"10.0.0.0/8\",\"172.16.0.0/12\",\"192.168.0.0/16\",\"100.64.0.0/10\",\"169.254.0.0/16\"]");
    }
  }

  @Test
  void takesANarrowCoralogixBlockAsGiven() {
    JsonNode coralogix =
        coralogixRule(policies(b -> b.coralogixCidrs(List.of("10.20.30.40/32"))).get("Gateway"));

    assertThat(coralogix.path("to").get(0).path("ip_block").path("cidr").asText())
        .isEqualTo("10.20.30.40/32");
    assertThat(coralogix.path("to").get(0).path("ip_block").has("except")).isFalse();
  }

  @Test
  void letsEveryCollectorResolveNamesAndReadTheApi() {
    for (JsonNode policy : List.of(policies(b -> b).get("Gateway"), policies(b -> b).get("Logs"))) {
      JsonNode egress = policy.path("spec").path("egress");
      assertThat(egress.findValuesAsText("kubernetes.io/metadata.name")).contains("kube-system");
      assertThat(egress.findValuesAsText("k8s-app")).containsExactly("kube-dns");
      assertThat(egress.findValuesAsText("cidr")).contains("10.0.0.0/16");
    }
  }

  @Test
  void acceptsNoTrafficIntoTheLogsAgent() {
    JsonNode logs = policies(b -> b).get("Logs");

    assertThat(logs.path("spec").has("ingress")).isFalse();
    assertThat(logs.path("metadata").path("namespace").asText()).isEqualTo("observability-agents");
    assertThat(
            logs.path("spec").path("pod_selector").path("match_labels").path("component").asText())
        .isEqualTo("agent-collector");
  }

  @Test
  void failsWhenKubernetesApiCidrsIsEmpty() {
    assertThatThrownBy(() -> props(Synth.stack()).kubernetesApiCidrs(List.of()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "CollectorNetworkPoliciesProps.kubernetesApiCidrs is empty; list the IPv4 blocks of the Kubernetes API"
                + " server's endpoints (on EKS, the cluster VPC's block, e.g. 10.0.0.0/16), or the"
                + " collectors cannot read the API");
  }

  @Test
  void failsWhenACoralogixBlockIsNotACidr() {
    assertThatThrownBy(
            () -> props(Synth.stack()).coralogixCidrs(List.of("ingress.coralogix.com")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "CollectorNetworkPoliciesProps.coralogixCidrs (ingress.coralogix.com) must be an IPv4 CIDR block such"
                + " as 10.0.0.0/16");
  }

  @Test
  void failsWhenAnOtlpClientNamespaceIsNotADnsLabel() {
    assertThatThrownBy(() -> props(Synth.stack()).otlpClientNamespaces(List.of("Apps")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "CollectorNetworkPoliciesProps.otlpClientNamespaces (Apps) must be a DNS label: 1 to"
                + " 63 lowercase letters, digits and '-', starting and ending with a letter or"
                + " digit; Kubernetes' bound on namespace names");
  }

  private static JsonNode coralogixRule(JsonNode policy) {
    JsonNode egress = policy.path("spec").path("egress");
    return egress.get(egress.size() - 1);
  }
}

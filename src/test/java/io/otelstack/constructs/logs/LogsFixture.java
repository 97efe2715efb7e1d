package io.otelstack.constructs.logs;

import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.collector.CollectorChart;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.constructs.namespace.PodSecurityLevel;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.secrets.SecretFixtures;
import io.otelstack.testing.Synth;
import io.otelstack.testing.UpstreamCharts;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A stack with an agent namespace and its Secret, and shortcuts into the agent's values. */
final class LogsFixture {
  final TerraformStack stack = Synth.stack();
  final CollectorNamespace namespace;
  final CoralogixKubernetesSecret secret;

  LogsFixture() {
    this(PodSecurityLevel.PRIVILEGED);
  }

  LogsFixture(PodSecurityLevel podSecurity) {
    namespace =
        new CollectorNamespace(
            stack,
            "AgentNamespace",
            new CollectorNamespaceProps("observability-agents", podSecurity));
    secret = secretIn(namespace, "CoralogixSecret");
  }

  CoralogixKubernetesSecret secretIn(CollectorNamespace ns, String id) {
    return SecretFixtures.keyedByVariable(stack, ns, id);
  }

  /** Props as the default environment gives them. */
  LogsDaemonSetPropsBuilder props() {
    return LogsDaemonSetProps.builder()
        .namespace(namespace)
        .coralogixSecret(secret)
        .coralogixDomain("eu2.coralogix.com")
        .coralogixApplicationName("otel-stack")
        .clusterName("otel-stack-eks");
  }

  /** Props as environments/prod.yaml gives them. */
  LogsDaemonSetProps prodLike() {
    return props()
        .severityThreshold(LogSeverity.INFO)
        .dropDebug(true)
        .excludeEndpoints(List.of("/metrics", "/livez"))
        .build();
  }

  /** Props as environments/dev.yaml gives them. */
  LogsDaemonSetProps devLike() {
    return props().severityThreshold(LogSeverity.DEBUG).build();
  }

  LogsDaemonSet agent(LogsDaemonSetProps props) {
    return new LogsDaemonSet(stack, "Logs", props);
  }

  LogsDaemonSet agent(UnaryOperator<LogsDaemonSetPropsBuilder> customize) {
    return agent(customize.apply(props()).build());
  }

  /** The values Helm computes: chart defaults merged with the release values. */
  static Map<String, Object> effective(LogsDaemonSet agent) {
    return UpstreamCharts.effective(CollectorChart.COLLECTOR, agent.values());
  }

  /** The collector configuration that runs: the {@code config} of the effective values. */
  static Map<String, Object> config(LogsDaemonSet agent) {
    return map(effective(agent).get("config"));
  }

  /** Walks nested maps by keys. */
  static Object at(Map<String, Object> root, String... path) {
    Object node = root;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> m) || !m.containsKey(key)) {
        throw new AssertionError("no " + String.join(".", path) + " (stopped at " + key + ")");
      }
      node = m.get(key);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }
}

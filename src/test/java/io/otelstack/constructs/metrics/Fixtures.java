package io.otelstack.constructs.metrics;

import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.constructs.logs.LogsDaemonSetProps;
import io.otelstack.constructs.logs.LogsDaemonSetPropsBuilder;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.constructs.namespace.PodSecurityLevel;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.secrets.SecretFixtures;
import io.otelstack.testing.Synth;
import java.util.List;
import java.util.function.UnaryOperator;

/** Minimal valid props for the metrics constructs, shared by their tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A namespace and its Coralogix Secret in {@code stack}. */
  public static CoralogixKubernetesSecret secret(
      TerraformStack stack, String namespace, String id) {
    CollectorNamespace ns =
        new CollectorNamespace(
            stack,
            id + "Namespace",
            new CollectorNamespaceProps(namespace, PodSecurityLevel.PRIVILEGED));
    return SecretFixtures.keyedByVariable(stack, ns, id);
  }

  /**
   * Collector props with only the required fields set, the namespace and Secret in {@code stack}.
   */
  public static MetricsTracesStatefulSetPropsBuilder collectorProps(TerraformStack stack) {
    CoralogixKubernetesSecret secret = secret(stack, "observability", "Coralogix");
    return MetricsTracesStatefulSetProps.builder()
        .namespace(secret.namespace())
        .coralogixSecret(secret)
        .coralogixDomain("eu2.coralogix.com")
        .coralogixApplicationName("otel-stack")
        .clusterName("otel-stack-eks");
  }

  /** Logs agent props with only the required fields set, sending with {@code key}. */
  public static LogsDaemonSetPropsBuilder agentProps(CoralogixKubernetesSecret key) {
    return LogsDaemonSetProps.builder()
        .namespace(key.namespace())
        .coralogixSecret(key)
        .coralogixDomain("eu2.coralogix.com")
        .coralogixApplicationName("otel-stack")
        .clusterName("otel-stack-eks");
  }

  /** Collector props with only the required fields set, in a fresh stack. */
  public static MetricsTracesStatefulSetPropsBuilder collectorProps() {
    return collectorProps(Synth.stack());
  }

  /** A collector with default props in {@code stack}. */
  public static MetricsTracesStatefulSet collector(TerraformStack stack) {
    return new MetricsTracesStatefulSet(stack, "MetricsTraces", collectorProps(stack).build());
  }

  /** A collector with customised props in a fresh stack. */
  public static MetricsTracesStatefulSet collector(
      UnaryOperator<MetricsTracesStatefulSetPropsBuilder> customize) {
    TerraformStack stack = Synth.stack();
    return new MetricsTracesStatefulSet(
        stack, "MetricsTraces", customize.apply(collectorProps(stack)).build());
  }

  /** Allocator props feeding {@code collector}, with the shared defaults' allowlist. */
  public static TargetAllocatorPropsBuilder allocatorProps(MetricsTracesStatefulSet collector) {
    return TargetAllocatorProps.builder()
        .collector(collector)
        .allowlist(List.of("go_.*", "process_.*", "http_requests_total", "up"));
  }
}

package io.otelstack.constructs.metrics;

import com.hashicorp.cdktf.TerraformStack;
import java.util.List;

/** Minimal valid props for the metrics constructs, shared by their tests. */
public final class Fixtures {
  private Fixtures() {}

  /** Collector props with only the required fields set. */
  public static MetricsTracesStatefulSetProps.Builder collectorProps() {
    return MetricsTracesStatefulSetProps.builder()
        .namespace("observability")
        .keySecretName("coralogix-key")
        .keySecretKey("private-key")
        .coralogixDomain("eu2.coralogix.com")
        .coralogixApplicationName("otel-stack");
  }

  /** A collector with default props in {@code stack}. */
  public static MetricsTracesStatefulSet collector(TerraformStack stack) {
    return new MetricsTracesStatefulSet(stack, "MetricsTraces", collectorProps().build());
  }

  /** Allocator props feeding {@code collector}, with the shared defaults' allowlist. */
  public static TargetAllocatorProps.Builder allocatorProps(MetricsTracesStatefulSet collector) {
    return TargetAllocatorProps.builder()
        .collector(collector)
        .allowlist(List.of("go_.*", "process_.*", "http_requests_total", "up"));
  }
}

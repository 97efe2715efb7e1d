package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadBalancingExporterTest {
  private static final SendingQueue QUEUE =
      new SendingQueue(new FileStorage("queue", "/var/lib/otelcol/queue", 10), 10, 5000, 512);

  private static LoadBalancingExporter exporter() {
    return new LoadBalancingExporter("sampling", "otel-sampling.observability", 4319, 30, QUEUE);
  }

  @Test
  void routesByTraceId() {
    assertThat(exporter().settings()).containsEntry("routing_key", "traceID");
  }

  @Test
  void resolvesBackendsFromTheServiceEndpoints() {
    assertThat(exporter().settings().get("resolver"))
        .isEqualTo(
            Map.of(
                "k8s", Map.of("service", "otel-sampling.observability", "ports", List.of(4319))));
  }

  @Test
  void queuesOnFileStorageInFrontOfTheRouting() {
    @SuppressWarnings("unchecked")
    Map<String, Object> queue = (Map<String, Object>) exporter().settings().get("sending_queue");
    assertThat(queue).containsEntry("storage", "file_storage/queue");
  }

  @Test
  void neverGivesUpRetrying() {
    @SuppressWarnings("unchecked")
    Map<String, Object> retry = (Map<String, Object>) exporter().settings().get("retry_on_failure");
    assertThat(retry).containsEntry("enabled", true).containsEntry("max_elapsed_time", "0s");
  }

  @Test
  void failsWhenTheServiceHasNoNamespace() {
    assertThatThrownBy(() -> new LoadBalancingExporter("sampling", "otel", 4319, 30, QUEUE))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "load_balancing/sampling.service (otel) must be <service>.<namespace>, e.g."
                + " otel.observability");
  }

  @Test
  void failsWhenThePortIsOutOfRange() {
    assertThatThrownBy(() -> new LoadBalancingExporter("sampling", "a.b", 70000, 30, QUEUE))
        .isInstanceOf(ValidationException.class)
        .hasMessage("load_balancing/sampling.port (70000) must be in 1..65535");
  }

  @Test
  void failsWhenTheTimeoutIsZero() {
    assertThatThrownBy(() -> new LoadBalancingExporter("sampling", "a.b", 4319, 0, QUEUE))
        .isInstanceOf(ValidationException.class)
        .hasMessage("load_balancing/sampling.timeoutSeconds (0) must be > 0");
  }

  @Test
  void failsWhenTheQueueIsMissing() {
    assertThatThrownBy(() -> new LoadBalancingExporter("sampling", "a.b", 4319, 30, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("load_balancing/sampling.queue is required");
  }
}

package io.otelstack.proof;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A diagnostic, not a claim: how many sampled traces the StatefulSet holds through a backend
 * outage. Single-span error traces (all kept) are sent while the sink is down, more of them than
 * the traces exporter's {@code queue_size}; then the sink comes up and the delivered traces are
 * counted. The tail sampler releases each kept trace as one request, and the queue counts requests.
 */
final class QueueCapacity {
  private static final Duration DELIVERY = Duration.ofMinutes(2);

  private QueueCapacity() {}

  /**
   * The diagnostic's figures.
   *
   * @param queueSize the traces exporter's generated {@code queue_size}
   * @param sizer the unit it is counted in
   * @param traces single-span traces sent during the outage
   */
  record Figures(long queueSize, String sizer, Delivery traces) {}

  /** Sends {@code traces} single-span error traces through an outage. */
  @SuppressWarnings("unchecked")
  static Figures run(GeneratedStack stack, int traces) {
    Map<String, Object> queue =
        ((Map<String, Map<String, Object>>) stack.statefulSetConfig().get("exporters"))
            .entrySet().stream()
                .filter(e -> e.getKey().startsWith("coralogix/traces"))
                .map(e -> (Map<String, Object>) e.getValue().get("sending_queue"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no coralogix/traces exporter"));
    Path work = LocalCollectors.tempDir("capacity");
    try (OtlpSink sink = new OtlpSink();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts = LocalCollectors.statefulSet(stack, 1, work, sink, app)) {
      sts.start(0);
      List<String> ids = sts.sendErrorTracesAndAwaitDecision(0, traces, 1, DELIVERY);
      Await.sleep(Duration.ofSeconds(5));
      sink.start();
      Await.poll(DELIVERY, () -> sink.spans().keySet().containsAll(ids));
      Await.settle(Duration.ofSeconds(10), DELIVERY, () -> sink.spans().size());
      return new Figures(
          Long.parseLong(String.valueOf(queue.get("queue_size"))),
          String.valueOf(queue.get("sizer")),
          Delivery.of("traces", ids, sink.spans()));
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }
}

package io.otelstack.proof;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which sent traces the sampler kept, and whether each kept one arrived whole.
 *
 * @param sent traces sent
 * @param kept traces with at least one span at the sink
 * @param incomplete kept traces missing at least one span at the sink
 */
record TraceCompleteness(int sent, int kept, int incomplete) {
  /** Compares the spans sent with the span IDs received per trace ID. */
  static TraceCompleteness of(Collection<SpanData> spans, Map<String, Set<String>> received) {
    Map<String, Integer> spansPerTrace = new HashMap<>();
    spans.forEach(s -> spansPerTrace.merge(s.getTraceId(), 1, Integer::sum));
    int kept = 0;
    int incomplete = 0;
    for (var t : spansPerTrace.entrySet()) {
      Set<String> got = received.get(t.getKey());
      if (got != null) {
        kept++;
        if (got.size() < t.getValue()) {
          incomplete++;
        }
      }
    }
    return new TraceCompleteness(spansPerTrace.size(), kept, incomplete);
  }
}

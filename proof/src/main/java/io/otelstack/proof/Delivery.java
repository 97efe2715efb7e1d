package io.otelstack.proof;

import java.util.Collection;
import java.util.Map;

/**
 * What reached the sink, compared with what the collector acknowledged.
 *
 * @param signal {@code spans}, {@code metric points} or {@code log records}
 * @param sent items the collector acknowledged
 * @param delivered sent items that reached the sink at least once
 * @param duplicates extra copies of sent items (an item delivered three times counts 2)
 */
record Delivery(String signal, long sent, long delivered, long duplicates) {
  /** Compares the IDs sent with how often each arrived. */
  static Delivery of(String signal, Collection<String> sentIds, Map<String, Integer> arrivals) {
    long delivered = 0;
    long duplicates = 0;
    for (String id : sentIds) {
      int n = arrivals.getOrDefault(id, 0);
      if (n > 0) {
        delivered++;
        duplicates += n - 1;
      }
    }
    return new Delivery(signal, sentIds.size(), delivered, duplicates);
  }

  /** Sent items that never arrived. */
  long lost() {
    return sent - delivered;
  }

  /** Unique delivery as a fraction of sent. */
  double ratio() {
    return sent == 0 ? 0 : (double) delivered / sent;
  }
}

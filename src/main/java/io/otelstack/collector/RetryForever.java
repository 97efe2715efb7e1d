package io.otelstack.collector;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code retry_on_failure} block shared by components that must never drop data. */
final class RetryForever {
  private RetryForever() {}

  /**
   * Exponential backoff from {@code initialSeconds} up to {@code maxSeconds} between tries, with no
   * deadline ({@code max_elapsed_time: 0s}): each caller says why waiting is safe for it.
   */
  static Map<String, Object> settings(int initialSeconds, int maxSeconds) {
    Map<String, Object> retry = new LinkedHashMap<>();
    retry.put("enabled", true);
    retry.put("initial_interval", initialSeconds + "s");
    retry.put("max_interval", maxSeconds + "s");
    retry.put("max_elapsed_time", "0s");
    return retry;
  }
}

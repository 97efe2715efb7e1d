package io.otelstack.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable map copies with a stable iteration order. Not public API.
 *
 * <p>{@code Map.copyOf} iterates in an order salted per JVM run; anything that reaches synthesized
 * JSON or Helm values must not depend on it, or synth stops being deterministic.
 */
public final class Maps {
  private Maps() {}

  /** An unmodifiable copy that keeps the source's iteration order; null becomes empty. */
  public static <K, V> Map<K, V> copyOrdered(Map<K, V> source) {
    return source == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  /** An unmodifiable copy sorted by key; null becomes empty. */
  public static <K extends Comparable<K>, V> Map<K, V> copySorted(Map<K, V> source) {
    return source == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(source));
  }
}

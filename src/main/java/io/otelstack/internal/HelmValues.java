package io.otelstack.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's values merge, and its inverse. Not public API.
 *
 * <p>Helm merges a release's values into the chart's defaults: maps merge deeply, anything else
 * replaces, and {@code null} deletes the key. A chart's default collector {@code config} would
 * therefore leak receivers and pipelines into ours; {@link #overlay} computes the values that make
 * the merged result exactly what we mean.
 */
public final class HelmValues {
  private HelmValues() {}

  /** What Helm computes from chart defaults and release values. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> merge(Map<String, ?> defaults, Map<String, ?> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    defaults.forEach((k, v) -> out.put(k, deepCopy(v)));
    values.forEach(
        (k, v) -> {
          Object base = out.get(k);
          if (v == null) {
            out.remove(k);
          } else if (v instanceof Map<?, ?> m && base instanceof Map<?, ?> b) {
            out.put(k, merge((Map<String, ?>) b, (Map<String, ?>) m));
          } else {
            out.put(k, deepCopy(v));
          }
        });
    return out;
  }

  /**
   * The release values whose merge into {@code defaults} yields exactly {@code desired}: keys the
   * defaults have and {@code desired} lacks are set to {@code null}.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> overlay(Map<String, ?> defaults, Map<String, ?> desired) {
    Map<String, Object> out = new LinkedHashMap<>();
    defaults.keySet().stream().filter(k -> !desired.containsKey(k)).forEach(k -> out.put(k, null));
    desired.forEach(
        (k, v) -> {
          Object base = defaults.get(k);
          if (v instanceof Map<?, ?> m && base instanceof Map<?, ?> b) {
            out.put(k, overlay((Map<String, ?>) b, (Map<String, ?>) m));
          } else {
            out.put(k, v);
          }
        });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> copy.put(k, deepCopy(x)));
      return copy;
    }
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(x -> copy.add(deepCopy(x)));
      return copy;
    }
    return v;
  }
}

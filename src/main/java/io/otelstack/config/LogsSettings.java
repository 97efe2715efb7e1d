package io.otelstack.config;

import java.util.List;
import java.util.Objects;

/**
 * The node-level log collection (the logs DaemonSet).
 *
 * <p>Rule checked when loaded: {@code dropDebug} with a {@code severityThreshold} of DEBUG or TRACE
 * contradicts itself.
 *
 * @param severityThreshold lowest severity shipped; lower records are dropped
 * @param dropDebug whether DEBUG and TRACE records are dropped even when the severity cannot be
 *     parsed from the body
 * @param excludeEndpoints request paths whose access logs are dropped, on top of the always dropped
 *     {@code /health} and {@code /ready}; each starts with {@code /}
 * @param parseJson whether JSON log bodies are parsed into attributes
 * @param resources the DaemonSet container's CPU and memory
 */
public record LogsSettings(
    Severity severityThreshold,
    boolean dropDebug,
    List<String> excludeEndpoints,
    boolean parseJson,
    ResourceSettings resources) {
  /** Requires every part and copies the list. */
  public LogsSettings {
    Objects.requireNonNull(severityThreshold, "severityThreshold");
    excludeEndpoints = List.copyOf(excludeEndpoints);
    Objects.requireNonNull(resources, "resources");
  }

  void check(Problems p) {
    if (dropDebug && severityThreshold.compareTo(Severity.INFO) < 0) {
      p.add(
          p.path("dropDebug")
              + " is true but "
              + p.path("severityThreshold")
              + " ("
              + severityThreshold
              + ") asks to keep "
              + severityThreshold
              + " logs; set severityThreshold to INFO or higher, or dropDebug to false");
    }
    resources.check(p.at("resources"));
  }
}

package io.otelstack.config;

import io.otelstack.collector.MultilineRule;
import io.otelstack.constructs.logs.LogSeverity;
import java.util.List;
import java.util.Objects;

/**
 * The node-level log collection (the logs DaemonSet).
 *
 * <p>{@code dropDebug} against {@code severityThreshold} is the construct's rule ({@code
 * LogsDaemonSetProps}), checked once there.
 *
 * @param severityThreshold lowest severity shipped; lower records are dropped
 * @param dropDebug whether DEBUG and TRACE records are dropped even when the severity cannot be
 *     parsed from the body
 * @param excludeEndpoints request paths whose access logs are dropped, on top of the always dropped
 *     {@code /health} and {@code /ready}; each starts with {@code /}
 * @param parseJson whether JSON log bodies are parsed into attributes
 * @param resources the DaemonSet container's CPU and memory
 * @param multiline how the lines of stack traces are joined, per namespace or container: the
 *     construct's own rules, bound as they are and checked by {@code MultilineRule}
 */
public record LogsSettings(
    LogSeverity severityThreshold,
    boolean dropDebug,
    List<String> excludeEndpoints,
    boolean parseJson,
    ResourceSettings resources,
    List<MultilineRule> multiline) {
  /** Requires every part and copies the list. */
  public LogsSettings {
    Objects.requireNonNull(severityThreshold, "severityThreshold");
    excludeEndpoints = List.copyOf(excludeEndpoints);
    Objects.requireNonNull(resources, "resources");
    multiline = List.copyOf(multiline);
  }

  void check(Problems p) {
    resources.check(p.at("resources"));
  }
}

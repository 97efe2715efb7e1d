package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A service pipeline: receivers, then processors in order, then exporters.
 *
 * @param id the pipeline key, {@code logs}, {@code metrics}, {@code traces} or {@code
 *     <signal>/<name>}
 * @param receivers components (receivers or connectors) feeding the pipeline
 * @param processors processors in the order data passes through them
 * @param exporters components (exporters or connectors) the pipeline sends to
 */
public record Pipeline(
    String id, List<Component> receivers, List<Component> processors, List<Component> exporters) {
  private static final Pattern ID = Pattern.compile("(logs|metrics|traces)(/[a-z0-9_-]+)?");

  /** Requires a signal-typed id and at least one receiver and one exporter. */
  public Pipeline {
    if (id == null || !ID.matcher(id).matches()) {
      throw new ValidationException(
          "pipeline id (" + id + ") must be logs, metrics or traces, optionally /<name>");
    }
    receivers = List.copyOf(receivers);
    processors = List.copyOf(processors);
    exporters = List.copyOf(exporters);
    if (receivers.isEmpty() || exporters.isEmpty()) {
      throw new ValidationException(
          "pipeline " + id + " needs at least one receiver and one exporter");
    }
  }

  /** The signal this pipeline carries. */
  public String signal() {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }
}

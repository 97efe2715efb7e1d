package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code filter} processor dropping every log record that matches any of its OTTL conditions.
 *
 * <p>Rendered as {@code log_conditions} with context-prefixed paths, the form that replaced the
 * deprecated {@code logs.log_record} block in collector 0.146. Errors are ignored per condition
 * ({@code error_mode: ignore}): a condition that cannot be evaluated keeps the record rather than
 * dropping the whole batch.
 *
 * @param name instance name, e.g. {@code drop} for {@code filter/drop}
 * @param logConditions OTTL conditions; a record matching any of them is dropped
 */
public record FilterProcessor(String name, List<String> logConditions) implements Component {
  /** Requires at least one condition. */
  public FilterProcessor {
    logConditions = logConditions == null ? List.of() : List.copyOf(logConditions);
    if (logConditions.isEmpty()) {
      throw new ValidationException(
          "filter/" + name + ".logConditions must not be empty; leave the processor out instead");
    }
  }

  @Override
  public ComponentType type() {
    return ComponentType.FILTER;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("error_mode", "ignore");
    s.put("log_conditions", logConditions);
    return s;
  }
}

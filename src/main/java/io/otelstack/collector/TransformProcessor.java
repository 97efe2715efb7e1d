package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code transform} processor rewriting log records with OTTL statements.
 *
 * <p>Statements use context-prefixed paths ({@code log.body}, {@code log.attributes}), which the
 * processor infers its context from. Errors are ignored per statement ({@code error_mode: ignore}):
 * one record with a malformed body must not make the processor drop the whole batch.
 *
 * @param name instance name, e.g. {@code parse} for {@code transform/parse}
 * @param logStatements OTTL statements, applied in order to every log record
 */
public record TransformProcessor(String name, List<String> logStatements) implements Component {
  /** Requires at least one statement. */
  public TransformProcessor {
    logStatements = logStatements == null ? List.of() : List.copyOf(logStatements);
    if (logStatements.isEmpty()) {
      throw new ValidationException(
          "transform/"
              + name
              + ".logStatements must not be empty; leave the processor out instead");
    }
  }

  @Override
  public ComponentType type() {
    return ComponentType.TRANSFORM;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("error_mode", "ignore");
    s.put("log_statements", logStatements);
    return s;
  }
}

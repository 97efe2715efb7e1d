package io.otelstack.config;

import java.util.List;

/**
 * Collects the semantic errors of one environment file. Each settings record checks its own rules
 * against a {@code Problems} positioned at the record's field path, so one record type can sit at
 * several places (both {@code logs.resources} and {@code metrics.resources}) and every message
 * still names the full path.
 */
final class Problems {
  private final String file;
  private final String path;
  private final List<String> errors;

  /** The root of {@code file}, adding to {@code errors}. */
  Problems(String file, List<String> errors) {
    this(file, "", errors);
  }

  private Problems(String file, String path, List<String> errors) {
    this.file = file;
    this.path = path;
    this.errors = errors;
  }

  /** Positioned at a child field. */
  Problems at(String field) {
    return new Problems(file, path(field), errors);
  }

  /** The full path of a field of the current position, as messages print it. */
  String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** Adds one error; the message starts with a field path and says what is allowed. */
  void add(String message) {
    errors.add(file + ": " + message);
  }
}

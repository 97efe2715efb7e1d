package io.otelstack.constructs.logs;

/** A log severity, mapped to the OpenTelemetry severity numbers OTTL compares. */
public enum LogSeverity {
  /** Finest detail; level names starting with {@code trace}. */
  TRACE("(?i)^trace"),
  /** Diagnostics for developers; {@code debug} or {@code dbg}. */
  DEBUG("(?i)^(debug|dbg)"),
  /** Normal operation; {@code info} or {@code notice}. */
  INFO("(?i)^(info|notice)"),
  /** Something unexpected that did not fail; names starting with {@code warn}. */
  WARN("(?i)^warn"),
  /** A failed operation; names starting with {@code err}. */
  ERROR("(?i)^err"),
  /**
   * The process cannot go on; {@code fatal}, {@code crit}, {@code panic}, {@code emerg} or {@code
   * alert}.
   */
  FATAL("(?i)^(fatal|crit|panic|emerg|alert)");

  private final String textPattern;

  LogSeverity(String textPattern) {
    this.textPattern = textPattern;
  }

  /** The OTTL enum constant, e.g. {@code SEVERITY_NUMBER_INFO}. */
  String ottl() {
    return "SEVERITY_NUMBER_" + name();
  }

  /** RE2 pattern of the level names that mean this severity, e.g. {@code warn} or {@code ERR}. */
  String textPattern() {
    return textPattern;
  }
}

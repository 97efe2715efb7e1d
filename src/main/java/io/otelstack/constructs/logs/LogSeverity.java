package io.otelstack.constructs.logs;

/** A log severity, mapped to the OpenTelemetry severity numbers OTTL compares. */
public enum LogSeverity {
  TRACE("(?i)^trace"),
  DEBUG("(?i)^(debug|dbg)"),
  INFO("(?i)^(info|notice)"),
  WARN("(?i)^warn"),
  ERROR("(?i)^err"),
  FATAL("(?i)^(fatal|crit|panic|emerg|alert)");

  private final String textPattern;

  LogSeverity(String textPattern) {
    this.textPattern = textPattern;
  }

  /** The OTTL enum constant, e.g. {@code SEVERITY_NUMBER_INFO}. */
  public String ottl() {
    return "SEVERITY_NUMBER_" + name();
  }

  /** RE2 pattern of the level names that mean this severity, e.g. {@code warn} or {@code ERR}. */
  String textPattern() {
    return textPattern;
  }
}

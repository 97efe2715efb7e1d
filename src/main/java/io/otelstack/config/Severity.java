package io.otelstack.config;

/** Log severity levels, lowest first, as OpenTelemetry names them. YAML values are the names. */
public enum Severity {
  /** Finest-grained diagnostics. */
  TRACE,
  /** Diagnostics for developers. */
  DEBUG,
  /** Normal operation. */
  INFO,
  /** Something unexpected that the program survived. */
  WARN,
  /** An operation failed. */
  ERROR,
  /** The program cannot continue. */
  FATAL
}

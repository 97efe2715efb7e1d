package io.otelstack.constructs.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The OTTL the logs agent parses and filters with. Package-private: {@link LogsDaemonSet} is the
 * only user.
 *
 * <p>Regular expressions avoid backslashes (classes such as {@code [[:space:]]} and {@code [.]}
 * instead), because they pass through three quoting layers (Java, YAML, OTTL string literals) and a
 * backslash lost in any of them changes the match silently.
 */
final class LogRules {
  /** Endpoints probed by Kubernetes on nearly every workload: never worth shipping. */
  private static final List<String> ALWAYS_EXCLUDED_ENDPOINTS = List.of("/health", "/ready");

  /** A character that cannot be part of a URL path, so endpoints match whole paths only. */
  private static final String NOT_PATH = "[^A-Za-z0-9_~./-]";

  private LogRules() {}

  /**
   * Statements of {@code transform/parse}: merge a JSON body's fields into the attributes (without
   * overwriting those the agent set, such as {@code log.file.path} and {@code log.iostream}), take
   * the severity text from a {@code level} or {@code severity} field, and map it to a severity
   * number. Bodies that are not JSON objects pass through unchanged.
   */
  static List<String> parseStatements() {
    List<String> s = new ArrayList<>();
    s.add(
        "merge_maps(log.attributes, ParseJSON(log.body), \"insert\")"
            + " where IsString(log.body) and IsMatch(log.body, \"^[[:space:]]*[{]\")");
    for (String field : List.of("level", "severity")) {
      s.add(
          "set(log.severity_text, log.attributes[\""
              + field
              + "\"]) where log.severity_text == \"\" and IsString(log.attributes[\""
              + field
              + "\"])");
    }
    for (LogSeverity severity : LogSeverity.values()) {
      s.add(
          "set(log.severity_number, "
              + severity.ottl()
              + ") where log.severity_number == SEVERITY_NUMBER_UNSPECIFIED"
              + " and IsMatch(log.severity_text, \""
              + severity.textPattern()
              + "\")");
    }
    return s;
  }

  /**
   * Conditions of {@code filter/drop}; a record matching any of them is dropped.
   *
   * <ul>
   *   <li>request lines for the health endpoints (always {@code /health} and {@code /ready}, plus
   *       {@code extraEndpoints}), matched as whole paths anywhere in the body, so {@code GET
   *       /health} and {@code "path":"/ready"} go but {@code /api/healthcheck} stays;
   *   <li>records below {@code threshold} (the props guarantee it is INFO or higher with {@code
   *       dropDebug}). Records whose severity could not be parsed are kept: not knowing is not a
   *       reason to drop;
   *   <li>with {@code dropDebug}, also unparsed lines that start with a DEBUG or TRACE level token
   *       (after an optional timestamp, optionally bracketed) or carry a logfmt {@code
   *       level=debug}.
   * </ul>
   */
  static List<String> dropConditions(
      List<String> extraEndpoints, LogSeverity threshold, boolean dropDebug) {
    List<String> endpoints = new ArrayList<>(ALWAYS_EXCLUDED_ENDPOINTS);
    extraEndpoints.stream().filter(e -> !endpoints.contains(e)).forEach(endpoints::add);
    String paths =
        endpoints.stream().map(e -> e.replace(".", "[.]")).collect(Collectors.joining("|"));
    List<String> c = new ArrayList<>();
    c.add("IsMatch(log.body, \"(^|" + NOT_PATH + ")(" + paths + ")(" + NOT_PATH + "|$)\")");
    if (threshold.compareTo(LogSeverity.TRACE) > 0) {
      c.add(
          "log.severity_number < "
              + threshold.ottl()
              + " and log.severity_number != SEVERITY_NUMBER_UNSPECIFIED");
    }
    if (dropDebug) {
      c.add(
          "log.severity_number == SEVERITY_NUMBER_UNSPECIFIED and IsMatch(log.body,"
              + " \"(?i)^([0-9][0-9:.tz+-]*[[:space:]]+)?[[(]?(trace|debug)([^a-z]|$)"
              + "|(^|[[:space:]])level=(trace|debug)([^a-z]|$)\")");
    }
    return c;
  }
}

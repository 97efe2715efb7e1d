package io.otelstack.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One {@code coralogix_alert} of a synthesized {@code <env>-coralogix} stack, read back from the
 * Terraform JSON Coralogix receives (not from the construct's props), and the Prometheus alerting
 * rule that evaluates it the way Coralogix evaluates a metric threshold alert:
 *
 * <ul>
 *   <li>the condition is the alert's PromQL against its threshold ({@code condition_type}), and,
 *       with {@code missing_values.replace_with_zero}, a query without any series counts as 0;
 *   <li>{@code for_over_pct} 100, the condition holding for the whole {@code of_the_last} window,
 *       is the rule's {@code for}: the alert fires once the condition has held for the window;
 *   <li>{@code for_over_pct} 0, the condition holding once in the window, fires at once and is the
 *       rule's {@code keep_firing_for}: the alert stays firing until the window holds no
 *       occurrence;
 *   <li>other percentages are not modelled, and fail.
 * </ul>
 *
 * @param id the alert's construct ID, e.g. {@code QueueFill}
 * @param promql the query
 * @param conditionType {@code MORE_THAN} or {@code LESS_THAN}
 * @param threshold the threshold
 * @param windowMinutes {@code of_the_last}, in minutes
 * @param forOverPct the share of the window the condition must hold, in percent
 * @param replaceWithZero whether a query without series counts as 0
 */
record CoralogixAlert(
    String id,
    String promql,
    String conditionType,
    double threshold,
    int windowMinutes,
    int forOverPct,
    boolean replaceWithZero) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every {@code coralogix_alert} of a stack's synthesized JSON, in the order written. */
  static List<CoralogixAlert> of(String synthesizedStack) {
    JsonNode alerts;
    try {
      alerts = JSON.readTree(synthesizedStack).path("resource").path("coralogix_alert");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<CoralogixAlert> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = alerts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      // Logical IDs are <scope>_<id>_<hash>, e.g. CollectorHealthAlerts_QueueFill_381F31DF.
      String[] parts = e.getKey().split("_");
      JsonNode threshold = e.getValue().path("type_definition").path("metric_threshold");
      if (threshold.isMissingNode()) {
        continue;
      }
      JsonNode rules = threshold.path("rules");
      if (rules.size() != 1) {
        throw new AssertionError(
            e.getKey() + ": the proof models one rule per alert, not " + rules);
      }
      JsonNode condition = rules.get(0).path("condition");
      out.add(
          new CoralogixAlert(
              parts[parts.length - 2],
              threshold.path("metric_filter").path("promql").asText(),
              condition.path("condition_type").asText(),
              condition.path("threshold").asDouble(),
              minutes(condition.path("of_the_last").asText()),
              condition.path("for_over_pct").asInt(),
              threshold.path("missing_values").path("replace_with_zero").asBoolean()));
    }
    return out;
  }

  /** Coralogix's window names, e.g. {@code 5_MINUTES} or {@code 1_HOUR}, in minutes. */
  private static int minutes(String window) {
    String[] p = window.split("_", 2);
    int n = Integer.parseInt(p[0]);
    return switch (p[1]) {
      case "MINUTE", "MINUTES" -> n;
      case "HOUR", "HOURS" -> n * 60;
      default -> throw new AssertionError("not a Coralogix window: " + window);
    };
  }

  /** The window at a scenario's time scale. */
  Duration window(TimeScale scale) {
    return scale.minutes(windowMinutes);
  }

  /**
   * PromQL that returns a series exactly when the condition holds at one instant, its ranges at
   * {@code scale}.
   */
  String condition(TimeScale scale) {
    String query = "(" + scale.ranges(promql) + ")";
    if (replaceWithZero) {
      query = "(" + query + " or on() vector(0))";
    }
    String operator =
        switch (conditionType) {
          case "MORE_THAN" -> ">";
          case "LESS_THAN" -> "<";
          case "MORE_THAN_OR_EQUALS" -> ">=";
          case "LESS_THAN_OR_EQUALS" -> "<=";
          default -> throw new AssertionError(id + ": condition_type " + conditionType);
        };
    return query + " " + operator + " " + threshold;
  }

  /** The Prometheus alerting rule evaluating this alert at {@code scale}. */
  PrometheusServer.AlertRule rule(TimeScale scale) {
    return switch (forOverPct) {
      case 100 ->
          new PrometheusServer.AlertRule(id, condition(scale), window(scale), Duration.ZERO);
      case 0 -> new PrometheusServer.AlertRule(id, condition(scale), Duration.ZERO, window(scale));
      default ->
          throw new AssertionError(
              id + ": for_over_pct " + forOverPct + " is not modelled (only 0 and 100 are)");
    };
  }
}

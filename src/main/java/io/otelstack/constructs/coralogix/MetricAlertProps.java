package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Props of {@link MetricAlert}.
 *
 * @param name the alert's name as people see it in Coralogix and in notifications; required
 * @param description what the alert means; the runbook link is appended; required
 * @param runbookUrl link to the runbook section that says what to do; required
 * @param promql the PromQL query Coralogix evaluates, one series per group; required
 * @param condition which side of the threshold fires; required
 * @param threshold the threshold, in the query's unit; required
 * @param minutes the window: how long the condition holds before the alert fires; one of 1, 5, 10,
 *     15, 20, 30, 60; required
 * @param sustained true when the condition must hold for the whole window, false when once in it is
 *     enough (counters where any occurrence is data loss). Default: true.
 * @param absentFires true when a query with no data at all counts as 0 (a collector absent), false
 *     when it means there is nothing to judge. Default: false.
 * @param priority the priority of the notifications; required
 * @param groupBy the labels the alert fires per, e.g. environment, collector and exporter; required
 * @param labels Coralogix labels on the alert, e.g. the environment. Default: none.
 * @param webhookIds Coralogix outbound webhooks (their integration IDs, digits) notified when the
 *     alert triggers and when it resolves. Default: none; the alert then shows in Coralogix but
 *     notifies nobody.
 */
@RecordBuilder
public record MetricAlertProps(
    String name,
    String description,
    String runbookUrl,
    String promql,
    AlertCondition condition,
    double threshold,
    int minutes,
    Boolean sustained,
    Boolean absentFires,
    AlertPriority priority,
    List<String> groupBy,
    Map<String, String> labels,
    List<String> webhookIds) {
  /** The windows Coralogix offers, in minutes. */
  public static final Set<Integer> WINDOWS = Set.of(1, 5, 10, 15, 20, 30, 60);

  private static final Checks CHECK = new Checks(ValidationException::new);

  private static final Pattern WEBHOOK_ID = Pattern.compile("[0-9]{1,19}");

  /** Requires the mandatory parts, applies defaults and checks the window. */
  public MetricAlertProps {
    CHECK.required("MetricAlertProps.name", name);
    CHECK.required("MetricAlertProps.description", description);
    CHECK.required("MetricAlertProps.runbookUrl", runbookUrl);
    CHECK.required("MetricAlertProps.promql", promql);
    CHECK.required("MetricAlertProps.condition", condition);
    CHECK.required("MetricAlertProps.priority", priority);
    sustained = sustained == null || sustained;
    absentFires = absentFires != null && absentFires;
    groupBy = List.copyOf(CHECK.required("MetricAlertProps.groupBy", groupBy));
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    webhookIds = webhookIds == null ? List.of() : List.copyOf(webhookIds);
    for (String id : webhookIds) {
      if (!WEBHOOK_ID.matcher(id).matches()) {
        throw new ValidationException(
            "MetricAlertProps.webhookIds entry ("
                + id
                + ") of alert \""
                + name
                + "\" must be a Coralogix webhook integration ID, 1 to 19 digits, e.g. 12345");
      }
    }
    if (!WINDOWS.contains(minutes)) {
      throw new ValidationException(
          "MetricAlertProps.minutes ("
              + minutes
              + ") of alert \""
              + name
              + "\" must be one of 1, 5, 10, 15, 20, 30, 60, the windows Coralogix offers");
    }
  }

  /** The threshold as PromQL and Coralogix print it: no trailing {@code .0}. */
  static String formatThreshold(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** A builder. */
  public static MetricAlertPropsBuilder builder() {
    return MetricAlertPropsBuilder.builder();
  }
}

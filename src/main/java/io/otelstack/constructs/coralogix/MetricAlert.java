package io.otelstack.constructs.coralogix;

import imports.coralogix.alert.Alert;
import imports.coralogix.alert.AlertIncidentsSettings;
import imports.coralogix.alert.AlertIncidentsSettingsRetriggeringPeriod;
import imports.coralogix.alert.AlertNotificationGroup;
import imports.coralogix.alert.AlertNotificationGroupWebhooksSettings;
import imports.coralogix.alert.AlertNotificationGroupWebhooksSettingsRetriggeringPeriod;
import imports.coralogix.alert.AlertTypeDefinition;
import imports.coralogix.alert.AlertTypeDefinitionMetricThreshold;
import imports.coralogix.alert.AlertTypeDefinitionMetricThresholdMetricFilter;
import imports.coralogix.alert.AlertTypeDefinitionMetricThresholdMissingValues;
import imports.coralogix.alert.AlertTypeDefinitionMetricThresholdRules;
import imports.coralogix.alert.AlertTypeDefinitionMetricThresholdRulesCondition;
import imports.coralogix.alert.AlertTypeDefinitionMetricThresholdRulesOverride;
import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One Coralogix metric alert ({@code coralogix_alert} with a {@code metric_threshold} definition):
 * a PromQL query, a threshold it must cross for a window, a priority, and a runbook link in the
 * description and in the {@code runbook_url} label.
 *
 * <p>Notifications go to the Coralogix outbound webhooks named in the props (Slack, PagerDuty,
 * email or any other integration set up in Coralogix), when the alert triggers, hourly while it
 * stays triggered, and when it resolves.
 *
 * <p>Child: {@code Resource} (the alert).
 */
public final class MetricAlert extends Construct {
  // Notifications repeat hourly while the alert stays triggered, and say when it resolves.
  private static final int RETRIGGER_MINUTES = 60;
  private static final String NOTIFY_ON = "Triggered and Resolved";

  private final MetricAlertProps props;

  /** Creates the alert. */
  public MetricAlert(Construct scope, String id, MetricAlertProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(getNode().getPath() + ": props (MetricAlertProps) is required");
    }
    this.props = props;
    Map<String, String> labels = new LinkedHashMap<>(props.labels());
    labels.put("runbook_url", props.runbookUrl());
    Alert.Builder alert = Alert.Builder.create(this, "Resource");
    if (!props.webhookIds().isEmpty()) {
      alert.notificationGroup(
          AlertNotificationGroup.builder()
              .webhooksSettings(
                  props.webhookIds().stream()
                      .map(
                          webhook ->
                              AlertNotificationGroupWebhooksSettings.builder()
                                  .integrationId(webhook)
                                  .notifyOn(NOTIFY_ON)
                                  .retriggeringPeriod(
                                      AlertNotificationGroupWebhooksSettingsRetriggeringPeriod
                                          .builder()
                                          .minutes(RETRIGGER_MINUTES)
                                          .build())
                                  .build())
                      .toList())
              .build());
    }
    alert
        .name(props.name())
        .description(props.description() + " Runbook: " + props.runbookUrl())
        .groupBy(props.groupBy())
        .labels(new java.util.TreeMap<>(labels))
        .incidentsSettings(
            AlertIncidentsSettings.builder()
                .notifyOn(NOTIFY_ON)
                .retriggeringPeriod(
                    AlertIncidentsSettingsRetriggeringPeriod.builder()
                        .minutes(RETRIGGER_MINUTES)
                        .build())
                .build())
        .typeDefinition(
            AlertTypeDefinition.builder()
                .metricThreshold(
                    AlertTypeDefinitionMetricThreshold.builder()
                        .metricFilter(
                            AlertTypeDefinitionMetricThresholdMetricFilter.builder()
                                .promql(props.promql())
                                .build())
                        .missingValues(
                            AlertTypeDefinitionMetricThresholdMissingValues.builder()
                                .replaceWithZero(props.absentFires())
                                .build())
                        .rules(
                            List.of(
                                AlertTypeDefinitionMetricThresholdRules.builder()
                                    .condition(
                                        AlertTypeDefinitionMetricThresholdRulesCondition.builder()
                                            .conditionType(props.condition().name())
                                            .threshold(props.threshold())
                                            .forOverPct(props.sustained() ? 100 : 0)
                                            .ofTheLast(window(props.minutes()))
                                            .build())
                                    .override(
                                        AlertTypeDefinitionMetricThresholdRulesOverride.builder()
                                            .priority(props.priority().name())
                                            .build())
                                    .build()))
                        .build())
                .build())
        .build();
  }

  /** Coralogix's name of a window, e.g. {@code 5_MINUTES} or {@code 1_HOUR}. */
  private static String window(int minutes) {
    return minutes == 60 ? "1_HOUR" : minutes == 1 ? "1_MINUTE" : minutes + "_MINUTES";
  }

  /** The alert's props: its query, threshold, condition and window. */
  public MetricAlertProps props() {
    return props;
  }
}

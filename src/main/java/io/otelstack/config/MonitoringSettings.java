package io.otelstack.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Monitoring the monitors: what the {@code <env>-coralogix} stack creates in Coralogix.
 *
 * <p>The management API key itself never appears here: only the name of the AWS Secrets Manager
 * secret holding it, which is a different secret from the send-your-data key's.
 *
 * @param apiKeySecretName name of the Secrets Manager secret holding the management API key
 * @param alerts the collector-health alerts
 * @param notifications per alert priority ({@code P1} to {@code P5}), the Coralogix webhook
 *     integration IDs its alerts notify
 * @param recordingRules pre-aggregations of application metrics
 * @param tco TCO policies for logs and traces
 */
public record MonitoringSettings(
    String apiKeySecretName,
    AlertsSettings alerts,
    Map<String, List<String>> notifications,
    RecordingRulesSettings recordingRules,
    TcoSettings tco) {
  /** Requires every part. */
  public MonitoringSettings {
    Objects.requireNonNull(apiKeySecretName, "apiKeySecretName");
    Objects.requireNonNull(alerts, "alerts");
    notifications = Map.copyOf(notifications);
    Objects.requireNonNull(recordingRules, "recordingRules");
    Objects.requireNonNull(tco, "tco");
  }

  void check(Problems p) {
    tco.check(p.at("tco"));
  }

  /**
   * The rules that span sections: the recorded metrics pass {@code metrics.allowlist}, and the
   * management key is not the send-your-data key's secret.
   */
  void checkAgainst(Problems p, MetricsSettings metrics, CoralogixSettings coralogix) {
    recordingRules.check(p.at("recordingRules"), metrics.allowlist());
    if (apiKeySecretName.equals(coralogix.privateKeySecretName())) {
      p.add(
          p.path("apiKeySecretName")
              + " ("
              + apiKeySecretName
              + ") is also coralogix.privateKeySecretName; the management API key and the"
              + " send-your-data key are different keys, so name a different secret");
    }
  }
}

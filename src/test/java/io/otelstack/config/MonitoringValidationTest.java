package io.otelstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.otelstack.ValidationException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad {@code monitoring} sections and the exact messages they get. */
class MonitoringValidationTest {
  private static final String ACCOUNT = "cluster:\n  accountId: \"123456789012\"\n";

  @TempDir Path dir;

  private List<String> errors(String yaml) {
    EnvironmentFiles.withDefaults(dir, "x.yaml", ACCOUNT + yaml);
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> EnvironmentLoader.loadAll(dir));
    assertThat(e).as("a ValidationException").isNotNull();
    return e.errors().stream()
        .map(line -> line.substring(dir.toString().length() + File.separator.length()))
        .toList();
  }

  @Test
  void failsWhenAThresholdIsOutOfRange() {
    assertThat(errors("monitoring:\n  alerts:\n    queueFill:\n      threshold: 120\n"))
        .containsExactly(
            "x.yaml: line 6: monitoring.alerts.queueFill.threshold (120) must be <= 100");
  }

  @Test
  void failsWhenAPriorityIsUnknown() {
    assertThat(errors("monitoring:\n  alerts:\n    sendFailures:\n      priority: P0\n"))
        .containsExactly(
            "x.yaml: line 6: monitoring.alerts.sendFailures.priority (P0) must be one of P1, P2,"
                + " P3, P4, P5");
  }

  @Test
  void failsWhenAWindowIsNotOneCoralogixOffers() {
    assertThat(errors("monitoring:\n  alerts:\n    queueVolume:\n      minutes: 7\n"))
        .containsExactly(
            "x.yaml: line 6: monitoring.alerts.queueVolume.minutes (7) must be one of 1, 5, 10,"
                + " 15, 20, 30, 60");
  }

  @Test
  void failsWhenAnAlertWithoutAThresholdIsGivenOne() {
    assertThat(errors("monitoring:\n  alerts:\n    enqueueFailures:\n      threshold: 3\n"))
        .containsExactly(
            "x.yaml: line 6: monitoring.alerts.enqueueFailures.threshold is not a field of"
                + " monitoring.alerts.enqueueFailures; the fields are priority, minutes");
  }

  @Test
  void failsWhenAWebhookIdIsNotDigits() {
    assertThat(errors("monitoring:\n  notifications:\n    P1: [\"12345\", pagerduty]\n"))
        .containsExactly(
            "x.yaml: line 5: monitoring.notifications.P1[1] (pagerduty) must be a Coralogix"
                + " webhook integration ID: 1 to 19 digits, quoted, e.g. \"12345\"");
  }

  @Test
  void failsWhenNotificationsNameAnUnknownPriority() {
    assertThat(errors("monitoring:\n  notifications:\n    P0: [\"12345\"]\n"))
        .containsExactly(
            "x.yaml: line 5: monitoring.notifications.P0 is not a field of"
                + " monitoring.notifications; did you mean monitoring.notifications.P1?");
  }

  @Test
  void failsWhenTheRecordedCounterIsNotAllowlisted() {
    assertThat(errors("monitoring:\n  recordingRules:\n    requestsCounter: grpc_requests_total\n"))
        .containsExactly(
            "x.yaml: monitoring.recordingRules.requestsCounter (grpc_requests_total) is not kept"
                + " by metrics.allowlist (go_.*, process_.*, http_requests_total,"
                + " http_request_duration_seconds_.*, up), so the rule would record nothing; add"
                + " it to the allowlist or record a kept metric");
  }

  @Test
  void failsWhenAQuantileIsNotBetweenZeroAndOne() {
    assertThat(errors("monitoring:\n  recordingRules:\n    latencyQuantiles: [0.5, 99]\n"))
        .containsExactly(
            "x.yaml: line 5: monitoring.recordingRules.latencyQuantiles[1] (99) must be <= 0.999");
  }

  @Test
  void failsWhenTheManagementKeySharesTheSendKeysSecret() {
    assertThat(errors("monitoring:\n  apiKeySecretName: otel-stack/coralogix-private-key\n"))
        .containsExactly(
            "x.yaml: monitoring.apiKeySecretName (otel-stack/coralogix-private-key) is also"
                + " coralogix.privateKeySecretName; the management API key and the send-your-data"
                + " key are different keys, so name a different secret");
  }

  @Test
  void failsWhenTwoLogPoliciesShareAName() {
    assertThat(
            errors(
                "monitoring:\n  tco:\n    logs:\n"
                    + "      - {name: all, priority: high, severities: [error], subsystems: []}\n"
                    + "      - {name: all, priority: low, severities: [debug], subsystems: []}\n"))
        .containsExactly(
            "x.yaml: monitoring.tco.logs[1].name (all) is already the name of an earlier policy;"
                + " policy names must be unique, rename one");
  }

  @Test
  void failsWhenALogPolicyNamesAnUnknownSeverity() {
    assertThat(
            errors(
                "monitoring:\n  tco:\n    logs:\n"
                    + "      - {name: all, priority: high, severities: [fatal], subsystems: []}\n"))
        .containsExactly(
            "x.yaml: line 6: monitoring.tco.logs[0].severities[0] (fatal) must be one of debug,"
                + " verbose, info, warning, error, critical");
  }

  @Test
  void failsWhenAPolicyLeavesOutItsSubsystems() {
    assertThat(errors("monitoring:\n  tco:\n    traces:\n      - {name: all, priority: archive}\n"))
        .containsExactly(
            "x.yaml: line 6: monitoring.tco.traces[0].priority (archive) must be one of high,"
                + " medium, low, block",
            "x.yaml: monitoring.tco.traces[0].subsystems is missing: Coralogix subsystems the"
                + " policy applies to; [] means all of the environment's subsystems.");
  }
}

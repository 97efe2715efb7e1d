package io.otelstack.constructs.coralogix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricAlertPropsTest {
  private static MetricAlertPropsBuilder alert() {
    return MetricAlertProps.builder()
        .name("queue")
        .description("d")
        .runbookUrl("https://example.invalid/#runbook-queue-fill")
        .promql("otelcol_exporter_queue_size")
        .condition(AlertCondition.MORE_THAN)
        .threshold(80)
        .minutes(5)
        .priority(AlertPriority.P2)
        .groupBy(List.of("exporter"));
  }

  @Test
  void defaultsToSustainedAndNoDataMeaningNothingToJudge() {
    MetricAlertProps p = alert().build();
    assertThat(p.sustained()).isTrue();
    assertThat(p.absentFires()).isFalse();
    assertThat(p.labels()).isEmpty();
    assertThat(p.webhookIds()).isEmpty();
  }

  @Test
  void failsWhenTheWindowIsNotOneCoralogixOffers() {
    assertThatThrownBy(() -> alert().minutes(7).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "MetricAlertProps.minutes (7) of alert \"queue\" must be one of 1, 5, 10, 15, 20, 30, 60, the windows"
                + " Coralogix offers");
  }

  @Test
  void failsWhenAWebhookIdIsNotAnIntegrationId() {
    assertThatThrownBy(() -> alert().webhookIds(List.of("12345", "slack-oncall")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "MetricAlertProps.webhookIds entry (slack-oncall) of alert \"queue\" must be a Coralogix webhook"
                + " integration ID, 1 to 19 digits, e.g. 12345");
  }
}

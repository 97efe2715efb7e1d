package io.otelstack.constructs.coralogix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorHealthAlertsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode synth(CollectorHealthAlertsProps props) throws Exception {
    TerraformStack stack = new TerraformStack(Testing.app(), "test");
    new CollectorHealthAlerts(stack, "Alerts", props);
    return JSON.readTree(Testing.synth(stack)).path("resource").path("coralogix_alert");
  }

  private static JsonNode alert(JsonNode alerts, String id) {
    List<JsonNode> found = new ArrayList<>();
    alerts
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("Alerts_" + id + "_")) {
                found.add(e.getValue());
              }
            });
    assertThat(found).as(id).hasSize(1);
    return found.get(0);
  }

  private static CollectorHealthAlertsPropsBuilder prod() {
    return CollectorHealthAlertsProps.builder().environment("prod").applicationName("shop");
  }

  @Test
  void createsNineAlertsWithTheDefaultTuning() throws Exception {
    JsonNode alerts = synth(prod().build());

    assertThat(alerts.size()).isEqualTo(9);
    JsonNode queue = alert(alerts, "QueueFill");
    assertThat(queue.path("name").asText())
        .isEqualTo("otel-stack prod: exporter queue above 80% full");
    JsonNode rule = queue.path("type_definition").path("metric_threshold").path("rules").get(0);
    assertThat(rule.path("condition").path("threshold").asDouble()).isEqualTo(80);
    assertThat(rule.path("condition").path("of_the_last").asText()).isEqualTo("5_MINUTES");
    assertThat(rule.path("condition").path("condition_type").asText()).isEqualTo("MORE_THAN");
    assertThat(rule.path("override").path("priority").asText()).isEqualTo("P2");
  }

  @Test
  void notifiesNobodyByDefault() throws Exception {
    JsonNode alerts = synth(prod().build());

    alerts.forEach(
        a -> assertThat(a.has("notification_group")).as(a.path("name").asText()).isFalse());
  }

  @Test
  void notifiesTheWebhooksOfEachAlertsPriority() throws Exception {
    JsonNode alerts =
        synth(
            prod()
                .notifications(
                    Map.of(
                        AlertPriority.P1, List.of("111", "112"), AlertPriority.P2, List.of("222")))
                .build());

    JsonNode p1 = alert(alerts, "EnqueueFailures").path("notification_group");
    assertThat(p1.path("webhooks_settings").findValuesAsText("integration_id"))
        .containsExactly("111", "112");
    assertThat(p1.path("webhooks_settings").get(0).path("notify_on").asText())
        .isEqualTo("Triggered and Resolved");
    assertThat(
            alert(alerts, "QueueFill")
                .path("notification_group")
                .path("webhooks_settings")
                .findValuesAsText("integration_id"))
        .containsExactly("222");
    assertThat(alert(alerts, "TargetImbalance").has("notification_group")).isFalse();
  }

  @Test
  void groupsByEnvironmentCollectorAndExporterOrReceiver() throws Exception {
    JsonNode alerts = synth(prod().build());

    assertThat(alert(alerts, "QueueFill").path("group_by"))
        .extracting(JsonNode::asText)
        .containsExactly("cx_application_name", "service_name", "k8s_pod_name", "exporter");
    assertThat(alert(alerts, "SendFailures").path("group_by"))
        .extracting(JsonNode::asText)
        .containsExactly("cx_application_name", "service_name", "exporter");
    assertThat(alert(alerts, "RefusedData").path("group_by"))
        .extracting(JsonNode::asText)
        .containsExactly("cx_application_name", "service_name", "receiver", "processor");
  }

  @Test
  void selectsTheEnvironmentsApplicationInEveryQuery() throws Exception {
    JsonNode alerts = synth(prod().build());

    alerts.forEach(
        a ->
            assertThat(
                    a.path("type_definition")
                        .path("metric_threshold")
                        .path("metric_filter")
                        .path("promql")
                        .asText())
                .contains("cx_application_name=\"shop\""));
  }

  @Test
  void linksEveryAlertToItsRunbookSection() throws Exception {
    // The file in this repository that the default URL names, at the branch it names.
    String page =
        CollectorHealthAlertsProps.DEFAULT_RUNBOOK_URL.substring(
            CollectorHealthAlertsProps.DEFAULT_RUNBOOK_URL.indexOf("/blob/main/") + 11);
    assertThat(page).isEqualTo("docs/runbook.md");
    String runbook =
        Files.readString(Path.of(System.getProperty("project.basedir", ".")).resolve(page));
    JsonNode alerts = synth(prod().build());

    alerts.forEach(
        a -> {
          String url = a.path("labels").path("runbook_url").asText();
          assertThat(url).startsWith(CollectorHealthAlertsProps.DEFAULT_RUNBOOK_URL + "#runbook-");
          assertThat(a.path("description").asText()).endsWith("Runbook: " + url);
          String heading =
              "## Runbook: " + url.substring(url.indexOf("#runbook-") + 9).replace('-', ' ');
          assertThat(runbook).as(page + " section for " + url).contains(heading + "\n");
        });
  }

  @Test
  void takesCustomTuningAndTheGatewayMinimum() throws Exception {
    JsonNode alerts =
        synth(
            prod()
                .queueFill(new AlertTuning(AlertPriority.P1, 10, 65))
                .gatewayMinReplicas(4)
                .build());

    JsonNode queue =
        alert(alerts, "QueueFill")
            .path("type_definition")
            .path("metric_threshold")
            .path("rules")
            .get(0);
    assertThat(queue.path("condition").path("threshold").asDouble()).isEqualTo(65);
    assertThat(queue.path("condition").path("of_the_last").asText()).isEqualTo("10_MINUTES");
    assertThat(queue.path("override").path("priority").asText()).isEqualTo("P1");
    JsonNode replicas =
        alert(alerts, "GatewayReplicas").path("type_definition").path("metric_threshold");
    assertThat(replicas.path("rules").get(0).path("condition").path("threshold").asDouble())
        .isEqualTo(4);
    assertThat(replicas.path("rules").get(0).path("condition").path("condition_type").asText())
        .isEqualTo("LESS_THAN");
    assertThat(replicas.path("missing_values").path("replace_with_zero").asBoolean()).isTrue();
  }

  @Test
  void firesAnyOccurrenceAlertsOnASingleMatchInTheWindow() throws Exception {
    JsonNode alerts = synth(prod().build());

    for (String id : List.of("EnqueueFailures", "RefusedData")) {
      assertThat(
              alert(alerts, id)
                  .path("type_definition")
                  .path("metric_threshold")
                  .path("rules")
                  .get(0)
                  .path("condition")
                  .path("for_over_pct")
                  .asInt())
          .as(id)
          .isZero();
    }
  }
}

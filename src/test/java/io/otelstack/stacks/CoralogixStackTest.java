package io.otelstack.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Testing;
import io.otelstack.config.Environment;
import io.otelstack.constructs.coralogix.CollectorHealthAlertsProps;
import io.otelstack.constructs.coralogix.MetricAlert;
import io.otelstack.constructs.coralogix.RecordingRulesProps;
import io.otelstack.testing.Environments;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CoralogixStackTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode synth(CoralogixStack stack) throws Exception {
    return JSON.readTree(Testing.synth(stack));
  }

  @Test
  void configuresTheProviderWithTheManagementKeyFromSecretsManager() throws Exception {
    JsonNode json =
        synth(new CoralogixStack(Testing.app(), "prod-coralogix", Environments.load("prod")));

    JsonNode provider = json.path("provider").path("coralogix").get(0);
    assertThat(provider.path("api_key").asText())
        .isEqualTo("${data.aws_secretsmanager_secret_version.CoralogixApiKey.secret_string}");
    assertThat(provider.path("domain").asText()).isEqualTo("eu2.coralogix.com");
    assertThat(
            json.path("data")
                .path("aws_secretsmanager_secret_version")
                .path("CoralogixApiKey")
                .path("secret_id")
                .asText())
        .isEqualTo("otel-stack/coralogix-api-key");
  }

  @Test
  void keepsItsStateBesideTheOtherStacksOfTheEnvironment() throws Exception {
    JsonNode json =
        synth(new CoralogixStack(Testing.app(), "prod-coralogix", Environments.load("prod")));

    assertThat(json.path("terraform").path("backend").path("s3").path("key").asText())
        .isEqualTo("otel-stack/prod/coralogix.tfstate");
  }

  @Test
  void takesTuningFromTheEnvironmentFile() {
    CoralogixStack prod =
        new CoralogixStack(Testing.app(), "prod-coralogix", Environments.load("prod"));
    Map<String, MetricAlert> alerts =
        prod.alerts().alerts().stream().collect(Collectors.toMap(a -> a.getNode().getId(), a -> a));

    assertThat(alerts.get("QueueFill").props().threshold()).isEqualTo(70);
    assertThat(alerts.get("QueueFill").props().priority().name()).isEqualTo("P1");
    assertThat(alerts.get("GatewayReplicas").props().threshold()).isEqualTo(3);
  }

  @Test
  void drawsEachCollectorsMemoryLimitBesideItsReplicas() {
    CoralogixStack prod =
        new CoralogixStack(Testing.app(), "prod-coralogix", Environments.load("prod"));

    assertThat(prod.dashboard().widgets())
        .hasEntrySatisfying(
            "Memory per replica (RSS) against the container limit, bytes",
            queries ->
                assertThat(queries)
                    .contains(
                        "label_replace(vector(2147483648), \"service_name\","
                            + " \"otel-metrics-traces limit\", \"\", \"\")",
                        "label_replace(vector(1073741824), \"service_name\", \"otel-logs"
                            + " limit\", \"\", \"\")"));
  }

  @Test
  void devSendsAllButErrorsToTheArchive() throws Exception {
    JsonNode json =
        synth(new CoralogixStack(Testing.app(), "dev-coralogix", Environments.load("dev")));

    JsonNode logs = json.path("resource").path("coralogix_tco_policies_logs").elements().next();
    assertThat(logs.path("policies").get(1).path("priority").asText()).isEqualTo("low");
    JsonNode traces = json.path("resource").path("coralogix_tco_policies_traces").elements().next();
    assertThat(traces.path("policies").get(0).path("priority").asText()).isEqualTo("low");
  }

  /** One owner for every default: the props' defaults equal {@code _defaults.yaml}'s. */
  @Test
  void propsDefaultsMatchTheDefaultsFile() {
    // staging states nothing under monitoring or hpa.minReplicas, so it carries the file defaults.
    Environment staging = Environments.load("staging");
    CoralogixStack stack = new CoralogixStack(Testing.app(), "staging-coralogix", staging);
    CollectorHealthAlertsProps defaults =
        CollectorHealthAlertsProps.builder()
            .environment("staging")
            .applicationName("otel-stack")
            .build();
    Map<String, MetricAlert> alerts =
        stack.alerts().alerts().stream()
            .collect(Collectors.toMap(a -> a.getNode().getId(), a -> a));

    assertThat(alerts.get("QueueFill").props().threshold())
        .isEqualTo(defaults.queueFill().threshold());
    assertThat(alerts.get("SendFailures").props().threshold())
        .isEqualTo(defaults.sendFailures().threshold());
    assertThat(alerts.get("TargetImbalance").props().threshold())
        .isEqualTo(defaults.targetImbalance().threshold());
    assertThat(alerts.get("QueueVolume").props().threshold())
        .isEqualTo(defaults.queueVolume().threshold());
    assertThat(alerts.get("GatewayReplicas").props().threshold())
        .isEqualTo((double) defaults.gatewayMinReplicas());
    var tunings =
        Map.of(
            "QueueFill", defaults.queueFill(),
            "EnqueueFailures", defaults.enqueueFailures(),
            "SendFailures", defaults.sendFailures(),
            "RefusedData", defaults.refusedData(),
            "GatewayReplicas", defaults.gatewayReplicas(),
            "LogsAgents", defaults.logsAgents(),
            "UnassignedTargets", defaults.unassignedTargets(),
            "TargetImbalance", defaults.targetImbalance(),
            "QueueVolume", defaults.queueVolume());
    tunings.forEach(
        (id, t) -> {
          assertThat(alerts.get(id).props().priority()).as(id).isEqualTo(t.priority());
          assertThat(alerts.get(id).props().minutes()).as(id).isEqualTo(t.minutes());
          assertThat(alerts.get(id).props().webhookIds())
              .as(id)
              .isEqualTo(defaults.webhookIds(t.priority()));
        });
    var r = staging.monitoring().recordingRules();
    RecordingRulesProps rules =
        RecordingRulesProps.builder().environment("staging").applicationName("otel-stack").build();
    assertThat(r.intervalSeconds()).isEqualTo(rules.intervalSeconds());
    assertThat(r.rateWindowMinutes()).isEqualTo(rules.rateWindowMinutes());
    assertThat(r.groupBy()).isEqualTo(rules.groupBy());
    assertThat(r.requestsCounter()).isEqualTo(rules.requestsCounter());
    assertThat(r.latencyHistogram()).isEqualTo(rules.latencyHistogram());
    assertThat(r.latencyQuantiles()).isEqualTo(rules.latencyQuantiles());
  }
}

package io.otelstack.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Testing;
import io.otelstack.collector.CollectorChart;
import io.otelstack.testing.Environments;
import io.otelstack.testing.Synth;
import io.otelstack.testing.UpstreamCharts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stack-level wiring of {@code <env>-telemetry}: provider auth, the key's path, chart values. */
class TelemetryStackTest {
  private static JsonNode synth(String env) {
    return Synth.parse(
        Testing.synth(
            new TelemetryStack(Testing.app(), env + "-telemetry", Environments.load(env))));
  }

  @Test
  void kubernetesProviderAuthenticatesWithShortLivedEksTokens() {
    JsonNode k8s = synth("prod").at("/provider/kubernetes/0");

    assertThat(k8s.at("/exec/0/command").asText()).isEqualTo("aws");
    assertThat(k8s.at("/exec/0/args").toString())
        .isEqualTo(
            "[\"eks\",\"get-token\",\"--cluster-name\",\"otel-stack-prod\",\"--region\",\"eu-west-1\"]");
    assertThat(k8s.has("token")).isFalse();
    assertThat(k8s.has("client_key")).isFalse();
  }

  @Test
  void helmProviderAuthenticatesWithShortLivedEksTokens() {
    JsonNode helm = synth("prod").at("/provider/helm/0/kubernetes");

    assertThat(helm.at("/exec/command").asText()).isEqualTo("aws");
    assertThat(helm.has("token")).isFalse();
  }

  @Test
  void fillsTheKubernetesSecretsFromTheSecretsManagerReferenceOnly() {
    JsonNode json = synth("prod");
    JsonNode secrets = json.path("resource").path("kubernetes_secret_v1");

    assertThat(secrets.size()).isPositive();
    secrets.forEach(
        s ->
            s.path("data")
                .forEach(
                    v ->
                        assertThat(v.asText())
                            .matches(
                                "\\$\\{data\\.aws_secretsmanager_secret_version\\.[A-Za-z0-9_]+\\.secret_string}")));
    assertThat(
            json.at("/data/aws_secretsmanager_secret_version")
                .elements()
                .next()
                .path("secret_id")
                .asText())
        .isEqualTo("otel-stack/coralogix-private-key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyCollectorReleasePassesTheUpstreamChartSchema(String env) {
    JsonNode releases = synth(env).path("resource").path("helm_release");

    assertThat(releases.size()).isPositive();
    releases.forEach(
        release -> {
          CollectorChart chart =
              release.path("chart").asText().equals(CollectorChart.TARGET_ALLOCATOR.chart())
                  ? CollectorChart.TARGET_ALLOCATOR
                  : CollectorChart.COLLECTOR;
          Map<String, Object> values = UpstreamCharts.releaseValues(release);
          assertThat(UpstreamCharts.schemaErrors(chart, values))
              .as(release.path("name").asText())
              .isEmpty();
        });
  }
}

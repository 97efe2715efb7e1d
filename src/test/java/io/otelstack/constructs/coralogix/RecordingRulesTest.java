package io.otelstack.constructs.coralogix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import io.otelstack.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingRulesTest {
  @Test
  void recordsRequestRateAndLatencyPercentilesByServiceByDefault() throws Exception {
    TerraformStack stack = new TerraformStack(Testing.app(), "test");
    RecordingRules rules =
        new RecordingRules(
            stack,
            "Rules",
            RecordingRulesProps.builder().environment("prod").applicationName("shop").build());

    assertThat(rules.rules())
        .containsEntry(
            "service_name:http_requests_total:rate5m",
            "sum by (service_name) (rate(http_requests_total{cx_application_name=\"shop\"}[5m]))")
        .containsEntry(
            "service_name:http_request_duration_seconds:p99_rate5m",
            "histogram_quantile(0.99, sum by (service_name, le)"
                + " (rate(http_request_duration_seconds_bucket{cx_application_name=\"shop\"}[5m])))")
        .containsKey("service_name:http_request_duration_seconds:p50_rate5m")
        .containsKey("service_name:http_request_duration_seconds:p90_rate5m")
        .hasSize(4);
    JsonNode group =
        new ObjectMapper()
            .readTree(Testing.synth(stack))
            .path("resource")
            .path("coralogix_recording_rules_groups_set")
            .elements()
            .next()
            .path("groups")
            .get(0);
    assertThat(group.path("interval").asInt()).isEqualTo(60);
    assertThat(group.path("rules").size()).isEqualTo(4);
  }

  @Test
  void takesCustomLabelsWindowAndQuantiles() {
    RecordingRules rules =
        new RecordingRules(
            new TerraformStack(Testing.app(), "test"),
            "Rules",
            RecordingRulesProps.builder()
                .environment("prod")
                .applicationName("shop")
                .groupBy(List.of("service_name", "route"))
                .rateWindowMinutes(10)
                .latencyQuantiles(List.of(0.999))
                .build());

    assertThat(rules.rules())
        .containsOnlyKeys(
            "service_name_route:http_requests_total:rate10m",
            "service_name_route:http_request_duration_seconds:p99_9_rate10m");
  }

  @Test
  void failsWhenAQuantileIsNotBetweenZeroAndOne() {
    assertThatThrownBy(
            () ->
                RecordingRulesProps.builder()
                    .environment("prod")
                    .applicationName("shop")
                    .latencyQuantiles(List.of(99.0))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "RecordingRulesProps.latencyQuantiles (99.0) must be between 0 and 1, exclusive, e.g. 0.99"
                + " for the 99th percentile");
  }
}

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

class TcoPoliciesTest {
  private static JsonNode synth(TcoPoliciesProps props) throws Exception {
    TerraformStack stack = new TerraformStack(Testing.app(), "test");
    new TcoPolicies(stack, "Tco", props);
    return new ObjectMapper().readTree(Testing.synth(stack)).path("resource");
  }

  @Test
  void limitsEveryPolicyToTheEnvironmentsApplication() throws Exception {
    JsonNode resources =
        synth(
            new TcoPoliciesProps(
                "prod",
                "shop",
                List.of(
                    new TcoLogsPolicy(
                        "errors", TcoPriority.HIGH, List.of("error", "critical"), List.of())),
                List.of(new TcoTracesPolicy("traces", TcoPriority.LOW, List.of("checkout")))));

    JsonNode log =
        resources.path("coralogix_tco_policies_logs").elements().next().path("policies").get(0);
    assertThat(log.path("name").asText()).isEqualTo("prod-errors");
    assertThat(log.path("priority").asText()).isEqualTo("high");
    assertThat(log.path("applications").path("names").get(0).asText()).isEqualTo("shop");
    assertThat(log.has("subsystems")).as("empty subsystems means all").isFalse();
    JsonNode trace =
        resources.path("coralogix_tco_policies_traces").elements().next().path("policies").get(0);
    assertThat(trace.path("priority").asText()).isEqualTo("low");
    assertThat(trace.path("subsystems").path("names").get(0).asText()).isEqualTo("checkout");
  }

  @Test
  void createsNothingForEmptyLists() throws Exception {
    assertThat(synth(new TcoPoliciesProps("dev", "shop", null, null)).size()).isZero();
  }

  @Test
  void failsWhenASeverityIsUnknown() {
    assertThatThrownBy(() -> new TcoLogsPolicy("x", TcoPriority.LOW, List.of("fatal"), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TcoLogsPolicy.severities ([fatal]) of policy \"x\" must be one or more of debug, verbose,"
                + " info, warning, error, critical");
  }
}

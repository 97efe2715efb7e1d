package io.otelstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.otelstack.collector.CollectorChart;
import io.otelstack.testing.Synth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values text of a release is a Terraform string: Terraform syntax in it must be escaped. */
class ChartReleaseTest {
  /** The values text of a release of {@code values} in {@code stack}, as synthesized. */
  private static String values(TerraformStack stack, Map<String, Object> values) {
    ChartRelease.create(
        stack,
        "Release",
        CollectorChart.COLLECTOR,
        "otel",
        "observability",
        () -> values,
        List.of());
    return Synth.onlyResource(Synth.json(stack), "helm_release").at("/values/0").asText();
  }

  @Test
  void escapesTheCollectorsOwnReferencesSoThatTerraformPassesThemOnUnchanged() {
    assertThat(
            values(Synth.stack(), Map.of("endpoint", "${env:MY_POD_IP}:4317", "note", "100%{x}")))
        .isEqualTo("endpoint: \"$${env:MY_POD_IP}:4317\"\nnote: \"100%%{x}\"\n");
  }

  @Test
  void leavesAVariableLiveForTerraformToFillIn() {
    TerraformStack stack = Synth.stack();
    String domain =
        new TerraformVariable(
                stack, "domain", TerraformVariableConfig.builder().type("string").build())
            .getStringValue();
    assertThat(values(stack, Map.of("domain", domain, "key", "${env:KEY}")))
        .isEqualTo("domain: ${jsonencode(var.domain)}\nkey: \"$${env:KEY}\"\n");
  }
}

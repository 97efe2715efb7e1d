package io.otelstack.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import imports.coralogix.provider.CoralogixProvider;
import io.otelstack.constructs.coralogix.AlertPriority;
import io.otelstack.constructs.coralogix.CollectorHealthAlerts;
import io.otelstack.constructs.coralogix.CollectorHealthAlertsProps;
import io.otelstack.testing.SynthRun;
import io.otelstack.testing.TerraformValidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code terraform validate} of every synthesized stack against the real providers (aws 5.100.0,
 * kubernetes 2.38.0, helm 3.1.1, coralogix 3.10.1) from the project's offline mirror. It catches
 * what typed bindings cannot: missing required arguments, conflicting arguments, bad references.
 */
@Tag("integration") // runs terraform
class StacksTerraformValidateTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev-cluster",
        "dev-telemetry",
        "staging-cluster",
        "staging-telemetry",
        "prod-cluster",
        "prod-telemetry",
        "dev-coralogix",
        "staging-coralogix",
        "prod-coralogix"
      })
  void stackIsValidTerraform(String stack) {
    Path dir = SynthRun.everyEnvironment().outdir().resolve("stacks").resolve(stack);

    assertThat(TerraformValidate.errors(dir)).isEmpty();
  }

  @Test
  void validationFailsWhenTheEksClusterLosesItsRequiredRole(@TempDir Path dir) throws IOException {
    assertThat(errorsWithout(dir, "dev-cluster", "aws_eks_cluster", "role_arn"))
        .anySatisfy(e -> assertThat(e).contains("Missing required argument").contains("role_arn"));
  }

  @Test
  void validationFailsWhenAHelmReleaseLosesItsRequiredChart(@TempDir Path dir) throws IOException {
    assertThat(errorsWithout(dir, "dev-telemetry", "helm_release", "chart"))
        .anySatisfy(e -> assertThat(e).contains("Missing required argument").contains("chart"));
  }

  @Test
  void validationFailsWhenAnAlertGetsAnAttributeTheProviderDoesNotHave(@TempDir Path dir)
      throws IOException {
    Path source = SynthRun.everyEnvironment().outdir().resolve("stacks/dev-coralogix/cdk.tf.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode stack = (ObjectNode) json.readTree(source.toFile());
    ((ObjectNode) stack.path("resource").path("coralogix_alert").elements().next())
        .put("severity", "critical");
    json.writeValue(dir.resolve("cdk.tf.json").toFile(), stack);

    assertThat(TerraformValidate.errors(dir))
        .anySatisfy(e -> assertThat(e).contains("No argument or block type is named \"severity\""));
  }

  @Test
  void alertsThatNotifyWebhooksAreValidTerraform(@TempDir Path dir) throws IOException {
    TerraformStack stack = new TerraformStack(Testing.app(), "notifying");
    // No api_key: validate never calls Coralogix.
    CoralogixProvider.Builder.create(stack, "Coralogix").domain("eu2.coralogix.com").build();
    new CollectorHealthAlerts(
        stack,
        "Alerts",
        CollectorHealthAlertsProps.builder()
            .environment("prod")
            .applicationName("otel-stack-prod")
            .notifications(
                Map.of(AlertPriority.P1, List.of("111", "112"), AlertPriority.P2, List.of("222")))
            .build());
    Files.writeString(dir.resolve("cdk.tf.json"), Testing.synth(stack));

    assertThat(Files.readString(dir.resolve("cdk.tf.json"))).contains("\"notification_group\"");
    assertThat(TerraformValidate.errors(dir)).isEmpty();
  }

  /** Validates a copy of a synthesized stack whose first resource of a type lacks an argument. */
  private static java.util.List<String> errorsWithout(
      Path dir, String stackName, String type, String argument) throws IOException {
    Path source =
        SynthRun.everyEnvironment().outdir().resolve("stacks/" + stackName + "/cdk.tf.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode stack = (ObjectNode) json.readTree(source.toFile());
    ((ObjectNode) stack.path("resource").path(type).elements().next()).remove(argument);
    json.writeValue(dir.resolve("cdk.tf.json").toFile(), stack);
    return TerraformValidate.errors(dir);
  }
}

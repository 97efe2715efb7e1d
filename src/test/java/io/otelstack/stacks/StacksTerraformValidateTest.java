package io.otelstack.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelstack.testing.SynthRun;
import io.otelstack.testing.TerraformValidate;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code terraform validate} of every synthesized stack against the real providers (aws 5.100.0,
 * kubernetes 2.38.0, helm 3.1.1) from the project's offline mirror. It catches what typed bindings
 * cannot: missing required arguments, conflicting arguments, bad references.
 */
class StacksTerraformValidateTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev-cluster",
        "dev-telemetry",
        "staging-cluster",
        "staging-telemetry",
        "prod-cluster",
        "prod-telemetry"
      })
  void stackIsValidTerraform(String stack) {
    Path dir = SynthRun.everyEnvironment().outdir().resolve("stacks").resolve(stack);

    assertThat(TerraformValidate.errors(dir)).isEmpty();
  }

  @Test
  void validationFailsWhenAHelmReleaseLosesItsRequiredChart(@TempDir Path dir) throws IOException {
    Path source = SynthRun.everyEnvironment().outdir().resolve("stacks/dev-telemetry/cdk.tf.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode stack = (ObjectNode) json.readTree(source.toFile());
    ObjectNode release = (ObjectNode) stack.path("resource").path("helm_release").elements().next();
    release.remove("chart");
    json.writeValue(dir.resolve("cdk.tf.json").toFile(), stack);

    assertThat(TerraformValidate.errors(dir))
        .anySatisfy(e -> assertThat(e).contains("Missing required argument").contains("chart"));
  }
}

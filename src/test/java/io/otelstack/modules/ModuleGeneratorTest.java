package io.otelstack.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the module generator tells a user whose {@code _defaults.yaml} is broken. */
class ModuleGeneratorTest {
  @Test
  void failsWhenTheDefaultsAreNotYamlNamingTheUsersFileNotTheGeneratorsCopy(@TempDir Path root)
      throws IOException {
    Path environments = Files.createDirectories(root.resolve("environments"));
    Files.writeString(environments.resolve("_defaults.yaml"), "cluster: [\n");

    assertThatThrownBy(() -> ModuleGenerator.files(root))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errors())
                    .isNotEmpty()
                    .allSatisfy(
                        m ->
                            assertThat(m)
                                .startsWith(environments.resolve("_defaults.yaml").toString())
                                .doesNotContain("otel-stack-module-")));
  }
}

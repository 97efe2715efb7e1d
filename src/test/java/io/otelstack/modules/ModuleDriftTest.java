package io.otelstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed module is exactly what {@code tools/generate-module} writes from today's constructs
 * and {@code _defaults.yaml}. A change that alters the module fails here until the module is
 * regenerated and the diff is read; this test never writes it.
 */
class ModuleDriftTest {
  private static final String REGENERATE =
      "run " + ModuleGenerator.COMMAND + " and read git diff " + OtelCollectorStackModule.DIRECTORY;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "versions.tf.json",
        "variables.tf.json",
        "outputs.tf.json",
        "main.tf.json",
        "README.md"
      })
  void committedFileIsWhatTheGeneratorWrites(String name) throws IOException {
    Map<String, String> generated = ModuleGenerator.files(ExternalTools.projectDir());
    Path committed = ModuleFiles.directory().resolve(name);

    assertThat(committed).as("%s is missing; %s", committed, REGENERATE).exists();
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("%s is out of date; %s", committed, REGENERATE)
        .isEqualTo(generated.get(name));
  }
}

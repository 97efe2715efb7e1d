package io.otelstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed module is exactly what the constructs synthesize today. A construct change that
 * alters the module fails here until the module is regenerated and the diff is read:
 *
 * <pre>{@code
 * mvn test -Dtest=ModuleDriftTest -Dsnapshots.update=true
 * git diff modules/
 * }</pre>
 */
class ModuleDriftTest {
  private static final String REGENERATE =
      "regenerate with mvn test -Dtest=ModuleDriftTest -Dsnapshots.update=true and read git diff";

  @Test
  void committedModuleIsWhatTheConstructsSynthesize() throws IOException {
    check(ModuleFiles.directory().resolve("main.tf.json"), ModuleFiles.mainTfJson());
  }

  @Test
  void committedReadmeListsExactlyTheModulesInputsAndOutputs() throws IOException {
    Path readme = ModuleFiles.directory().resolve("README.md");

    check(readme, ModuleFiles.readme(read(readme), ModuleFiles.mainTfJson()));
  }

  private static void check(Path file, String expected) throws IOException {
    if (Boolean.getBoolean("snapshots.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("%s is missing; %s", file, REGENERATE).exists();
    assertThat(read(file)).as("%s is out of date; %s", file, REGENERATE).isEqualTo(expected);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}

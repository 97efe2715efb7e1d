package io.otelstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.ExternalTools;
import io.otelstack.testing.TerraformValidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/hcl-root-module}, a team's root module calling the committed module by its path
 * in this repository, is canonically formatted and valid Terraform for the real providers. It is
 * copied beside a copy of the module, so that nothing Terraform writes lands in the checkout.
 */
class HclRootModuleExampleTest {
  private static final Path EXAMPLE = Path.of("examples", "hcl-root-module");

  @Test
  void exampleRootModuleIsValidTerraform(@TempDir Path dir) throws IOException {
    Path root = copy(dir);

    assertThat(TerraformValidate.errors(root)).isEmpty();
  }

  @Test
  void exampleRootModuleIsCanonicallyFormatted(@TempDir Path dir) throws IOException {
    Path root = copy(dir);
    ExternalTools.Result fmt =
        ExternalTools.run(
            root, Map.of(), 5, ExternalTools.terraform().toString(), "fmt", "-check", "-diff");

    assertThat(fmt.exitCode()).as(fmt.output()).isZero();
  }

  /** The example's {@code .tf} files at {@code dir/examples/hcl-root-module}, the module beside. */
  private static Path copy(Path dir) throws IOException {
    ModuleFiles.copyTerraform(dir.resolve(OtelCollectorStackModule.DIRECTORY));
    Path target = Files.createDirectories(dir.resolve(EXAMPLE));
    try (Stream<Path> files = Files.list(ExternalTools.projectDir().resolve(EXAMPLE))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
        Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }
}

package io.otelstack.modules;

import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The committed files of {@code modules/otel-collector-stack}, and the module as generated now. */
final class ModuleFiles {
  private static final Pattern HCL_BLOCK = Pattern.compile("```hcl\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SOURCE = Pattern.compile("source\\s*=\\s*\"[^\"]*\"");

  private ModuleFiles() {}

  /** The HCL example of the module README. */
  static String readmeExample() throws IOException {
    Matcher m =
        HCL_BLOCK.matcher(
            Files.readString(directory().resolve("README.md"), StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new AssertionError("the module README has no hcl example");
    }
    return m.group(1);
  }

  /** The README example calling the module from {@code ./otel-collector-stack}. */
  static String readmeExampleWithLocalSource() throws IOException {
    return SOURCE.matcher(readmeExample()).replaceFirst("source = \"./otel-collector-stack\"");
  }

  /** The module directory in this checkout. */
  static Path directory() {
    return ExternalTools.projectDir().resolve(OtelCollectorStackModule.DIRECTORY);
  }

  /** The whole module as one configuration, as the generator synthesizes it now. */
  static String synthesized() {
    try {
      return ModuleGenerator.synthesized(ExternalTools.projectDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the committed module's Terraform files ({@code *.tf.json}) into {@code target}. */
  static void copyTerraform(Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(directory())) {
      for (Path f : files.filter(f -> f.toString().endsWith(".tf.json")).toList()) {
        Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}

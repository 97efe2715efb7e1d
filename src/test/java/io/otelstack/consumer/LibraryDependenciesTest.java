package io.otelstack.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.collector.CollectorChart;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an importing team gets needs nothing of this repository's own deployment: the compiled
 * library packages never reference the environment model ({@code io.otelstack.config}, which reads
 * {@code environments/}), the stacks built from it, or any file or environment-variable API. A
 * class file names every class and method it uses in its constant pool, so a byte scan finds each
 * reference, however indirect the source made it.
 *
 * <p>{@code io.otelstack.modules} is not library: like the stacks, it builds this repository's
 * deliverable (the HCL module) from {@code _defaults.yaml}, and HCL teams get it as Terraform.
 */
class LibraryDependenciesTest {
  private static final List<String> LIBRARY =
      List.of("io/otelstack/constructs", "io/otelstack/collector", "io/otelstack/internal");

  @Test
  void libraryPackagesNeverReferenceTheEnvironmentModelOrTheStacks() throws Exception {
    assertThat(referencesTo("io/otelstack/config/", "io/otelstack/stacks/", "io/otelstack/Main"))
        .isEmpty();
  }

  @Test
  void libraryPackagesReadNoFilesAndNoEnvironmentVariables() throws Exception {
    assertThat(referencesTo("java/nio/file/", "java/io/File", "getenv")).isEmpty();
  }

  @Test
  void theConsumerTestBuildsItsStacksFromPropsAlone() throws Exception {
    Path test = Path.of(ConsumerStackTest.class.getResource("ConsumerStackTest.class").toURI());

    assertThat(constantPool(test))
        .doesNotContain("io/otelstack/config/", "io/otelstack/stacks/", "Environments")
        .contains("io/otelstack/constructs/logs/LogsDaemonSet");
  }

  @Test
  void theScanSeesTheEntryPointsOwnFileAccess() throws Exception {
    Path main = classes().resolve("io/otelstack/Main.class");

    assertThat(constantPool(main)).contains("io/otelstack/config/EnvironmentLoader", "getenv");
  }

  /** Each {@code class file -> name} where a library class names one of {@code forbidden}. */
  private static List<String> referencesTo(String... forbidden) throws Exception {
    Path root = classes();
    List<String> found = new ArrayList<>();
    for (String pkg : LIBRARY) {
      Path dir = root.resolve(pkg);
      // A renamed package must not turn the scan into a silent pass.
      assertThat(dir).isDirectory();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
          String pool = constantPool(f);
          for (String name : forbidden) {
            if (pool.contains(name)) {
              found.add(root.relativize(f) + " -> " + name);
            }
          }
        }
      }
    }
    return found;
  }

  /** The class file's bytes as text; its names are ASCII, so they read back unchanged. */
  private static String constantPool(Path classFile) throws IOException {
    return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
  }

  private static Path classes() throws URISyntaxException {
    return Path.of(
        CollectorChart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}

package io.otelstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point down (stacks, constructs, collector, internal): {@code internal} is the leaf
 * and references no other package of ours. A class file names every class it uses in its constant
 * pool, so a byte scan of the compiled package finds each reference, imported or fully qualified.
 */
class InternalIsALeafTest {
  /** A class of ours outside {@code internal}, as a class file names it. */
  private static final Pattern OTHER_PACKAGE =
      Pattern.compile("io/otelstack/(?!internal/)[A-Za-z0-9_/$]+");

  @Test
  void internalReferencesNoOtherPackageOfOurs() throws Exception {
    Path dir =
        Path.of(HelmChart.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("io/otelstack/internal");
    // A moved package must not turn the scan into a silent pass.
    assertThat(dir).isDirectory();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        Matcher m = OTHER_PACKAGE.matcher(constantPool(f));
        while (m.find()) {
          found.add(f.getFileName() + " -> " + m.group());
        }
      }
    }
    assertThat(found).isEmpty();
  }

  /** The class file's bytes as text; its names are ASCII, so they read back unchanged. */
  private static String constantPool(Path classFile) throws IOException {
    return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
  }
}

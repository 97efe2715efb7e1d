package io.otelstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's synth command works from nothing: a clean clone and an empty Maven local repository,
 * as a newcomer has. Only the machine's cache of generated bindings is reused, which is what makes
 * this affordable in every build. It guards the build order: Maven resolves a project's
 * dependencies before that project's own plugins run, so generating the bindings from inside the
 * project that uses them only works where an earlier run left them in ~/.m2.
 */
@Tag("integration")
class FreshCloneSynthTest {

  @Test
  void readmeSynthCommandWritesEveryStackFromACleanCloneWithAnEmptyMavenRepository(
      @TempDir Path tmp) throws IOException {
    Path clone = ExternalTools.cloneCheckout(tmp);

    ExternalTools.Result synth =
        ExternalTools.run(
            clone,
            Map.of("MAVEN_OPTS", "-Dmaven.repo.local=" + tmp.resolve("empty-m2")),
            20,
            "tools/synth");

    assertThat(synth.exitCode()).as(synth.output()).isZero();
    List<String> expected = MainTest.expectedStacks();
    try (Stream<Path> dirs = Files.list(clone.resolve("cdktf.out/stacks"))) {
      assertThat(dirs.map(d -> d.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(synth.stdout().lines().toList())
        .as("one line per stack, then the total")
        .hasSize(expected.size() + 1);
  }
}

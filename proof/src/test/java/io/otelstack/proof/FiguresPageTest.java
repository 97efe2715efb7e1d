package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tools/prove} rewrites the figures section of the page they live on, {@code
 * docs/operations.md}, and nothing else of it.
 */
class FiguresPageTest {
  private static final String HEADING = "## Reliability and cost figures\n";

  @Test
  void rewritesOnlyTheFiguresSectionOfTheOperationsPage(@TempDir Path dir) throws IOException {
    String page = Files.readString(ExternalTools.projectDir().resolve(Prove.FIGURES));
    assertThat(page).as(Prove.FIGURES).contains(HEADING);
    Path copy = dir.resolve("operations.md");
    Files.writeString(copy, page);

    Prove.updateFigures(copy, HEADING + "\nnew figures\n");

    String before = page.substring(0, page.indexOf(HEADING));
    String after = page.substring(page.indexOf(HEADING) + HEADING.length());
    int next = after.indexOf("\n## ");
    assertThat(Files.readString(copy))
        .isEqualTo(
            before + HEADING + "\nnew figures\n" + (next < 0 ? "" : after.substring(next + 1)));
  }
}

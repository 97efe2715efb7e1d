package io.otelstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code the docs show is code the build compiles or validates: a block that follows {@code <!--
 * snippet: FILE#NAME -->} ({@code FILE} relative to the page) equals the region of {@code FILE}
 * between the lines holding {@code example:NAME:begin} and {@code example:NAME:end}, with their
 * common indent removed.
 */
class ExampleSnippetsTest {
  private static final Path PROJECT = Path.of(System.getProperty("project.basedir", "."));
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\n```\\w*\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyDocsSnippetIsTheMarkedRegionOfItsExample() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> drift = new ArrayList<>();
    int snippets = 0;
    for (Path page : pages) {
      snippets += drift(page, drift);
    }

    assertThat(drift).isEmpty();
    assertThat(snippets).as("snippets taken from examples/").isGreaterThanOrEqualTo(4);
  }

  @Test
  void failsWhenASnippetDriftsFromItsExample(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("Example.java"), "x\n  // example:a:begin\n  int a = 1;\n  // example:a:end\n");
    Path page = dir.resolve("page.md");
    Files.writeString(page, "<!-- snippet: Example.java#a -->\n```java\nint a = 2;\n```\n");
    List<String> drift = new ArrayList<>();

    drift(page, drift);

    assertThat(drift)
        .containsExactly(
            "page.md: the snippet of Example.java#a differs from the example; it is:\nint a = 1;\n");
  }

  /** Adds one line per snippet of {@code page} that differs from its region; returns the count. */
  private static int drift(Path page, List<String> out) throws IOException {
    Matcher m = SNIPPET.matcher(Files.readString(page));
    int count = 0;
    while (m.find()) {
      count++;
      String region = region(page.getParent().resolve(m.group(1)).normalize(), m.group(2));
      if (!region.equals(m.group(3))) {
        out.add(
            page.getFileName()
                + ": the snippet of "
                + m.group(1)
                + "#"
                + m.group(2)
                + " differs from the example; it is:\n"
                + region);
      }
    }
    return count;
  }

  /** The lines between the region's markers, dedented, each ending in a newline. */
  static String region(Path file, String name) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int begin = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("example:" + name + ":begin")) {
        begin = i;
      } else if (lines.get(i).contains("example:" + name + ":end")) {
        end = i;
      }
    }
    assertThat(begin).as(file + " has the region " + name).isNotNegative().isLessThan(end);
    List<String> body = lines.subList(begin + 1, end);
    int indent =
        body.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    body.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
    return out.toString();
  }
}

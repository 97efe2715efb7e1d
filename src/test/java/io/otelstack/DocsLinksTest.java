package io.otelstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and {@code #anchor} in the README, CONTRIBUTING.md, CHANGELOG.md and {@code
 * docs/*.md} resolves: the file or directory exists, and the anchor is a heading of the target,
 * slugged the way GitHub slugs it. Links to other sites are not followed (tests stay on this
 * machine).
 */
class DocsLinksTest {
  private static final Path PROJECT = Path.of(System.getProperty("project.basedir", "."));
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
    pages.add(PROJECT.resolve("CONTRIBUTING.md"));
    pages.add(PROJECT.resolve("CHANGELOG.md"));
    try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }

    assertThat(brokenLinks(pages)).isEmpty();
  }

  @Test
  void failsWhenALinkOrAnAnchorDoesNotResolve(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("a.md"), "# A\n\n## Queue fill: the `queue`\n");
    Files.writeString(
        dir.resolve("b.md"),
        "See [a](a.md#queue-fill-the-queue), [gone](missing.md), [typo](a.md#queue-full),"
            + " [self](#b) and [web](https://example.invalid/x).\n\n"
            + "```\n[in a code block](ignored.md)\n```\n\n# B\n");

    assertThat(brokenLinks(List.of(dir.resolve("b.md"))))
        .containsExactly("b.md: missing.md: no such file", "b.md: a.md#queue-full: no such anchor");
  }

  /** One line per link that does not resolve: the page, the link and what is wrong. */
  static List<String> brokenLinks(List<Path> pages) throws IOException {
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      for (String target : links(Files.readString(page))) {
        if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        String name = page.getFileName().toString();
        if (!Files.exists(resolved)) {
          broken.add(name + ": " + target + ": no such file");
        } else if (hash >= 0
            && !anchors
                .computeIfAbsent(resolved, DocsLinksTest::anchorsOf)
                .contains(target.substring(hash + 1))) {
          broken.add(name + ": " + target + ": no such anchor");
        }
      }
    }
    return broken;
  }

  /** The link targets of a markdown page, outside fenced code blocks and code spans. */
  private static List<String> links(String markdown) {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n")) {
      if (FENCE.matcher(line).matches()) {
        fenced = !fenced;
        continue;
      }
      if (!fenced) {
        Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  /** The anchors GitHub gives a page's headings; a repeated heading gets -1, -2 and so on. */
  private static Set<String> anchorsOf(Path page) {
    Set<String> out = new LinkedHashSet<>();
    if (!page.toString().endsWith(".md")) {
      return out;
    }
    try {
      boolean fenced = false;
      for (String line : Files.readAllLines(page)) {
        if (FENCE.matcher(line).matches()) {
          fenced = !fenced;
        }
        Matcher m = HEADING.matcher(line);
        if (!fenced && m.matches()) {
          String slug =
              m.group(1)
                  .toLowerCase(java.util.Locale.ROOT)
                  .replaceAll("[^\\p{L}\\p{N} _-]", "")
                  .replace(' ', '-');
          String unique = slug;
          for (int i = 1; out.contains(unique); i++) {
            unique = slug + "-" + i;
          }
          out.add(unique);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}

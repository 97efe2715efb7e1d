package io.otelstack.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic pod log files in the kubelet's {@code /var/log/pods} layout ({@code
 * <namespace>_<pod>_<uid>/<container>/0.log}, CRI line format), under a temporary directory.
 *
 * <p>Every line carries {@code proof_id} so the sink can tell which line arrived, twice, or never.
 */
final class PodLogs {
  private static final Pattern ID = Pattern.compile("proof_id\"?[:=]\"?(\\d+)");

  private final Path root;

  /** Log files under {@code root}, the stand-in for {@code /var/log/pods}. */
  PodLogs(Path root) {
    this.root = root;
  }

  /** The stand-in for {@code /var/log/pods}. */
  Path root() {
    return root;
  }

  /** A container's log file, created empty with its directories. */
  Path file(String namespace, String pod, String container) {
    Path dir =
        root.resolve(namespace + "_" + pod + "_" + java.util.UUID.nameUUIDFromBytes(pod.getBytes()))
            .resolve(container);
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("0.log");
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends lines in the CRI format the container runtime writes ({@code <time> stdout F <text>}).
   */
  static void append(Path file, List<Line> lines) {
    appendText(file, lines.stream().map(Line::text).toList());
  }

  private static void write(Path file, StringBuilder b) {
    try {
      Files.writeString(file, b, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends raw lines of text in the CRI format, each as the runtime writes a full line. */
  static void appendText(Path file, List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(Instant.now()).append(" stdout F ").append(l).append('\n');
    }
    write(file, b);
  }

  /** Every {@code proof_id} in a delivered body, in order. */
  static List<Long> ids(String body) {
    List<Long> out = new ArrayList<>();
    Matcher m = ID.matcher(body);
    while (m.find()) {
      out.add(Long.parseLong(m.group(1)));
    }
    return out;
  }

  /** The {@code proof_id} in a delivered body, if any. */
  static Optional<Long> id(String body) {
    Matcher m = ID.matcher(body);
    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  /** The kinds of line a real service writes, and which drop rule, if any, should remove each. */
  enum Kind {
    /** An application JSON line at INFO. */
    JSON_INFO,
    /** An application JSON line at WARN. */
    JSON_WARN,
    /** A plain-text application line with no parseable level. */
    PLAIN,
    /** An access-log line for {@code /health}. */
    HEALTH,
    /** An access-log line for {@code /ready}. */
    READY,
    /** An access-log line for {@code /metrics}. */
    METRICS_SCRAPE,
    /** A JSON line at DEBUG. */
    JSON_DEBUG,
    /** A plain-text line starting with a DEBUG token. */
    PLAIN_DEBUG;

    /** The line's text. */
    String text(long id) {
      return switch (this) {
        case JSON_INFO ->
            "{\"level\":\"info\",\"msg\":\"order placed\",\"order\":"
                + id
                + ",\"proof_id\":\""
                + id
                + "\"}";
        case JSON_WARN ->
            "{\"level\":\"warn\",\"msg\":\"payment retried\",\"proof_id\":\"" + id + "\"}";
        case PLAIN -> "order " + id + " shipped to warehouse 7 proof_id=" + id;
        case HEALTH -> "10.0.3.7 - - \"GET /health HTTP/1.1\" 200 2 proof_id=" + id;
        case READY -> "10.0.3.7 - - \"GET /ready HTTP/1.1\" 200 2 proof_id=" + id;
        case METRICS_SCRAPE -> "10.0.9.1 - - \"GET /metrics HTTP/1.1\" 200 5120 proof_id=" + id;
        case JSON_DEBUG ->
            "{\"level\":\"debug\",\"msg\":\"cache miss\",\"proof_id\":\"" + id + "\"}";
        case PLAIN_DEBUG -> "DEBUG refreshing price cache proof_id=" + id;
      };
    }
  }

  /**
   * One written line.
   *
   * @param id unique line ID
   * @param kind what the line is
   * @param text the line as written
   */
  record Line(long id, Kind kind, String text) {
    /** A line of a kind. */
    static Line of(long id, Kind kind) {
      return new Line(id, kind, kind.text(id));
    }
  }

  /** {@code count} lines cycling through the given kinds, IDs from {@code firstId}. */
  static List<Line> lines(long firstId, int count, List<Kind> mix) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Line.of(firstId + i, mix.get(i % mix.size())));
    }
    return out;
  }
}

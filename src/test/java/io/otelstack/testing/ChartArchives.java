package io.otelstack.testing;

import io.otelstack.collector.CollectorChart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The packaged upstream charts in {@code ../shared/charts}, each held to the sha256 pinned for it
 * in {@code src/main/resources/io/otelstack/collector/charts.sha256}. Every test that hands an
 * archive to helm or Terraform takes it from {@link #verified}, so an archive that is not the
 * pinned one stops the test before anything renders or installs it.
 *
 * <p>The pin list is in {@code sha256sum} format, so {@code sha256sum -c --ignore-missing} checks
 * it by hand too: in {@code ../shared/charts} for the archives, beside the list for the copies of
 * the charts' {@code values.yaml}.
 */
public final class ChartArchives {
  /** The pin list's name, beside {@link CollectorChart}. */
  public static final String PINS = "charts.sha256";

  private ChartArchives() {}

  /**
   * The directory of the packaged charts: {@code -Dotelstack.charts}, else {@code charts} in {@code
   * $OTEL_STACK_SHARED}, else {@code ../shared/charts} beside the checkout.
   */
  public static Path directory() {
    String property = System.getProperty("otelstack.charts");
    String shared = System.getenv("OTEL_STACK_SHARED");
    Path dir =
        property != null
            ? Path.of(property)
            : shared != null
                ? Path.of(shared, "charts")
                : ExternalTools.projectDir().resolve("../shared/charts").normalize();
    if (!Files.isDirectory(dir)) {
      throw new AssertionError(
          "the packaged charts are missing: " + dir + " (shared/ must sit beside the checkout)");
    }
    return dir;
  }

  /**
   * The archive of one chart version, e.g. {@code opentelemetry-collector-0.170.0.tgz}, checked.
   */
  public static Path verified(String chart, String version) {
    Path archive = directory().resolve(chart + "-" + version + ".tgz");
    if (!Files.isRegularFile(archive)) {
      throw new AssertionError("chart archive not found: " + archive);
    }
    verify(archive);
    return archive;
  }

  /** Throws unless the archive's sha256 is the one pinned for its file name. */
  public static void verify(Path archive) {
    String name = archive.getFileName().toString();
    String pinned = pins().get(name);
    if (pinned == null) {
      throw new AssertionError(PINS + " pins no archive named " + name);
    }
    String actual = sha256(read(archive));
    if (!actual.equals(pinned)) {
      throw new AssertionError(
          "chart archive "
              + archive
              + " has sha256 "
              + actual
              + ", but "
              + PINS
              + " pins "
              + pinned
              + "; use the pinned archive, or pin a new chart version in CollectorChart and "
              + PINS
              + " together");
    }
  }

  /** File name to pinned sha256, in the list's order. */
  public static Map<String, String> pins() {
    try (InputStream in = CollectorChart.class.getResourceAsStream(PINS)) {
      if (in == null) {
        throw new AssertionError("missing " + PINS + " beside CollectorChart");
      }
      Map<String, String> pins = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] parts = line.split(" {2}", 2);
        if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
          throw new AssertionError(PINS + ": not a sha256sum line: " + line);
        }
        pins.put(parts[1], parts[0]);
      }
      return pins;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lower-case hex sha256 of some bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One file of a gzipped tar archive, by its path inside it (e.g. {@code
   * opentelemetry-collector/values.yaml}).
   */
  public static byte[] entry(Path archive, String path) {
    try (InputStream tar = new GZIPInputStream(Files.newInputStream(archive))) {
      byte[] header = new byte[512];
      while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        byte[] data = tar.readNBytes((int) size);
        tar.skipNBytes((512 - size % 512) % 512);
        if ((prefix.isEmpty() ? name : prefix + "/" + name).equals(path)) {
          return data;
        }
      }
      throw new AssertionError(archive + " has no " + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.testing.ChartArchives;
import io.otelstack.testing.UpstreamCharts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pinned charts are the bytes {@code charts.sha256} names: the packaged archives in {@code
 * ../shared/charts}, the copies of their default values in the jar, and the upstream schema data
 * the schema tests read.
 */
class CollectorChartTest {
  @Test
  void pinsEveryChartsArchiveAndValuesCopyAndNothingElse() {
    List<String> expected = new ArrayList<>();
    for (CollectorChart chart : CollectorChart.values()) {
      expected.add(archive(chart));
      expected.add(valuesCopy(chart));
    }

    assertThat(ChartArchives.pins().keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(CollectorChart.class)
  void sharedArchiveIsThePinnedOne(CollectorChart chart) {
    Path archive = ChartArchives.verified(chart.chart(), chart.version());

    assertThat(ChartArchives.sha256(bytesOf(archive))).isEqualTo(pin(archive(chart)));
  }

  @ParameterizedTest
  @EnumSource(CollectorChart.class)
  void defaultValuesInTheJarAreThePinnedArchivesValuesYaml(CollectorChart chart)
      throws IOException {
    byte[] copy;
    try (InputStream in = CollectorChart.class.getResourceAsStream(valuesCopy(chart))) {
      copy = in.readAllBytes();
    }
    byte[] packaged =
        ChartArchives.entry(
            ChartArchives.verified(chart.chart(), chart.version()), chart.chart() + "/values.yaml");

    assertThat(ChartArchives.sha256(copy)).isEqualTo(pin(valuesCopy(chart)));
    assertThat(ChartArchives.sha256(packaged)).isEqualTo(pin(valuesCopy(chart)));
  }

  @ParameterizedTest
  @EnumSource(CollectorChart.class)
  void upstreamSchemaDataIsThePinnedArchives(CollectorChart chart) {
    Path archive = ChartArchives.verified(chart.chart(), chart.version());
    for (String file : List.of("values.yaml", "values.schema.json")) {
      assertThat(bytesOf(UpstreamCharts.dir(chart).resolve(file)))
          .as(file)
          .isEqualTo(ChartArchives.entry(archive, chart.chart() + "/" + file));
    }
  }

  @Test
  void failsWhenAnArchiveIsNotThePinnedOne(@TempDir Path dir) throws IOException {
    CollectorChart chart = CollectorChart.TARGET_ALLOCATOR;
    Path tampered = dir.resolve(archive(chart));
    byte[] bytes = bytesOf(ChartArchives.verified(chart.chart(), chart.version()));
    bytes[bytes.length / 2] ^= 1;
    Files.write(tampered, bytes);

    assertThatThrownBy(() -> ChartArchives.verify(tampered))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "chart archive "
                + tampered
                + " has sha256 "
                + ChartArchives.sha256(bytes)
                + ", but charts.sha256 pins "
                + pin(archive(chart))
                + "; use the pinned archive, or pin a new chart version in CollectorChart and"
                + " charts.sha256 together");
  }

  private static String archive(CollectorChart chart) {
    return chart.chart() + "-" + chart.version() + ".tgz";
  }

  private static String valuesCopy(CollectorChart chart) {
    return chart.chart() + "-" + chart.version() + "-values.yaml";
  }

  private static String pin(String file) {
    return ChartArchives.pins().get(file);
  }

  private static byte[] bytesOf(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

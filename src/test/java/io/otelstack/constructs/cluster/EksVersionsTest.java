package io.otelstack.constructs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EksVersionsTest {
  private static final String FIELD = "cluster.kubernetesVersion";
  private static final LocalDate CHECKED = LocalDate.parse(EksVersions.CHECKED);

  @Test
  void theNewestVersionIsTheDefaultOfEveryEnvironment() throws Exception {
    assertThat(EksVersions.NEWEST).isEqualTo("1.36");
    assertThat(Files.readString(Path.of("environments/_defaults.yaml")))
        .contains("kubernetesVersion: \"" + EksVersions.NEWEST + "\"");
  }

  @Test
  void everyVersionHas14MonthsOfStandardAnd12OfExtendedSupport() {
    for (EksVersions.Version v : EksVersions.all()) {
      // The calendar rounds to the day AWS announced, so allow a few days either way.
      assertThat(v.endOfStandardSupport())
          .as(v.minor())
          .isBetween(
              v.released().plusMonths(14).minusDays(7), v.released().plusMonths(14).plusDays(60));
      assertThat(v.endOfExtendedSupport())
          .as(v.minor())
          .isEqualTo(v.endOfStandardSupport().plusMonths(12));
    }
  }

  @Test
  void isNewestFirst() {
    var minors =
        EksVersions.all().stream().map(v -> Integer.parseInt(v.minor().substring(2))).toList();
    assertThat(minors).isSortedAccordingTo((a, b) -> b - a);
  }

  @Test
  void refusesAVersionPastExtendedSupport() {
    assertThat(EksVersions.supportProblem(FIELD, "1.31", CHECKED))
        .contains(
            "cluster.kubernetesVersion (1.31) left EKS extended support on 2026-11-26; use 1.36");
  }

  @Test
  void acceptsAVersionOnTheLastDayOfExtendedSupport() {
    assertThat(EksVersions.supportProblem(FIELD, "1.31", LocalDate.parse("2026-11-26"))).isEmpty();
  }

  @Test
  void warnsAboutAVersionInExtendedSupportWithTheDateAndTheCost() {
    assertThat(EksVersions.supportWarning(FIELD, "1.33", CHECKED))
        .contains(
            "cluster.kubernetesVersion (1.33) left EKS standard support on 2026-07-29; extended"
                + " support costs about $365 more per cluster-month and ends on 2027-07-29;"
                + " upgrade one minor version at a time towards 1.36");
    assertThat(EksVersions.supportProblem(FIELD, "1.33", CHECKED)).isEmpty();
  }

  @Test
  void neitherWarnsNorRefusesInStandardSupport() {
    assertThat(EksVersions.supportWarning(FIELD, "1.36", CHECKED)).isEmpty();
    assertThat(EksVersions.supportProblem(FIELD, "1.36", CHECKED)).isEmpty();
    assertThat(EksVersions.supportWarning(FIELD, "1.35", CHECKED)).isEmpty();
  }

  @Test
  void doesNotWarnPastExtendedSupportWhereItRefuses() {
    assertThat(EksVersions.supportWarning(FIELD, "1.31", CHECKED)).isEmpty();
  }
}

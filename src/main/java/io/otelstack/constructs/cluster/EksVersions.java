package io.otelstack.constructs.cluster;

import io.otelstack.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes minor versions Amazon EKS offers, with their support dates: the one table this
 * project keeps of them.
 *
 * <p>Source: the release calendar in the Amazon EKS User Guide, "Understand the Kubernetes version
 * lifecycle on EKS" ({@code docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html}),
 * checked on {@value #CHECKED}. A minor version gets 14 months of standard support after its EKS
 * release, then 12 months of extended support, which AWS bills at $0.60 per cluster-hour instead of
 * $0.10; after that EKS upgrades the cluster itself and creates no new clusters on the version.
 *
 * <p>{@link EksClusterProps} accepts only the versions listed here, which is deterministic. Whether
 * a version is still supported depends on the day, so {@link #supportProblem} and {@link
 * #supportWarning} take the date from the caller: {@code Main} passes today's.
 */
public final class EksVersions {
  /** The day the table was last checked against the EKS release calendar. */
  public static final String CHECKED = "2026-12-06";

  /**
   * Extended support's extra cost per cluster and month, in US dollars: $0.50 per hour more, times
   * 730 hours.
   */
  public static final int EXTENDED_SUPPORT_EXTRA_USD_PER_CLUSTER_MONTH = 365;

  /**
   * One minor version on EKS.
   *
   * @param minor the Kubernetes minor version, e.g. {@code 1.36}
   * @param released the day EKS made it available
   * @param endOfStandardSupport the last day of standard support
   * @param endOfExtendedSupport the last day of extended support
   */
  public record Version(
      String minor,
      LocalDate released,
      LocalDate endOfStandardSupport,
      LocalDate endOfExtendedSupport) {}

  /** Newest first. */
  private static final List<Version> VERSIONS =
      List.of(
          version("1.36", "2026-06-02", "2027-08-02", "2028-08-02"),
          version("1.35", "2026-01-28", "2027-03-27", "2028-03-27"),
          version("1.34", "2025-10-06", "2026-12-02", "2027-12-02"),
          version("1.33", "2025-05-28", "2026-07-29", "2027-07-29"),
          version("1.32", "2025-01-25", "2026-03-23", "2027-03-23"),
          version("1.31", "2024-09-26", "2025-11-26", "2026-11-26"),
          version("1.30", "2024-05-23", "2025-07-23", "2026-07-23"),
          version("1.29", "2024-01-23", "2025-03-23", "2026-03-23"));

  /** The newest minor version EKS offers: the default for new clusters. */
  public static final String NEWEST = VERSIONS.get(0).minor();

  private EksVersions() {}

  private static Version version(String minor, String released, String standard, String extended) {
    return new Version(
        minor, LocalDate.parse(released), LocalDate.parse(standard), LocalDate.parse(extended));
  }

  /** Every version in the table, newest first. */
  public static List<Version> all() {
    return VERSIONS;
  }

  /** The table's entry for {@code minor}. */
  public static Optional<Version> find(String minor) {
    return VERSIONS.stream().filter(v -> v.minor().equals(minor)).findFirst();
  }

  /** Fails unless {@code minor} is in the table; the message names {@code prop}. */
  static void requireKnown(String prop, String minor) {
    if (find(minor).isEmpty()) {
      throw new ValidationException(
          prop
              + " ("
              + minor
              + ") is not a Kubernetes version EKS offers; use one of "
              + VERSIONS.stream().map(Version::minor).toList()
              + " (newest first), or add a newer one with its support dates to EksVersions");
    }
  }

  /**
   * Why {@code minor} can no longer be deployed on {@code today}: EKS creates no clusters on a
   * version past extended support. Empty while the version is supported, or when it is not in the
   * table ({@link EksClusterProps} refuses those).
   */
  public static Optional<String> supportProblem(String prop, String minor, LocalDate today) {
    return find(minor)
        .filter(v -> today.isAfter(v.endOfExtendedSupport()))
        .map(
            v ->
                prop
                    + " ("
                    + minor
                    + ") left EKS extended support on "
                    + v.endOfExtendedSupport()
                    + "; use "
                    + NEWEST);
  }

  /**
   * A warning when {@code minor} is in extended support on {@code today}: it still deploys, at
   * extra cost. Empty in standard support, past extended support, or when not in the table.
   */
  public static Optional<String> supportWarning(String prop, String minor, LocalDate today) {
    return find(minor)
        .filter(
            v ->
                today.isAfter(v.endOfStandardSupport()) && !today.isAfter(v.endOfExtendedSupport()))
        .map(
            v ->
                prop
                    + " ("
                    + minor
                    + ") left EKS standard support on "
                    + v.endOfStandardSupport()
                    + "; extended support costs about $"
                    + EXTENDED_SUPPORT_EXTRA_USD_PER_CLUSTER_MONTH
                    + " more per cluster-month and ends on "
                    + v.endOfExtendedSupport()
                    + "; upgrade one minor version at a time towards "
                    + NEWEST);
  }
}

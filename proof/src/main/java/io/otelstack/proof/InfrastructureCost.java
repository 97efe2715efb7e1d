package io.otelstack.proof;

import java.time.Duration;
import java.util.Arrays;

/**
 * Measures what the logs agent's infrastructure metrics cost on its node: CPU seconds and resident
 * memory of prod's agent, idle (no pod logs), with {@code metrics/infrastructure} (reading {@link
 * KubeletSummaryStandIn} and this host at the generated 30 s interval) and without it, alternated,
 * each run {@value #WINDOW_SECONDS} s (three reads of each receiver). Prints the medians.
 *
 * <p>Run from the repository root after {@code mvn -pl tools/bindings,proof -am
 * process-test-classes}: {@code java -cp "proof/target/classes:$(cat proof/target/prove.classpath)"
 * io.otelstack.proof.InfrastructureCost [runs]} (default 5 runs of each).
 */
final class InfrastructureCost {
  private static final long WINDOW_SECONDS = 95;

  private InfrastructureCost() {}

  /** Measures and prints; the argument is the number of runs of each variant. */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    GeneratedStack stack = GeneratedStack.of("prod");
    double[][] with = new double[2][runs];
    double[][] without = new double[2][runs];
    for (int i = 0; i < runs; i++) {
      record(without, i, InfrastructureMetrics.cost(stack, window(), false));
      record(with, i, InfrastructureMetrics.cost(stack, window(), true));
      System.out.printf(
          "run %d: without %.2f s CPU %.0f KiB RSS; with %.2f s CPU %.0f KiB RSS%n",
          i + 1, without[0][i], without[1][i], with[0][i], with[1][i]);
    }
    System.out.printf(
        "median over %d runs of %d s: CPU %.2f s -> %.2f s (+%.2f s, %.2f millicores);"
            + " RSS %.1f MiB -> %.1f MiB (+%.1f MiB)%n",
        runs,
        WINDOW_SECONDS,
        median(without[0]),
        median(with[0]),
        median(with[0]) - median(without[0]),
        (median(with[0]) - median(without[0])) * 1000 / WINDOW_SECONDS,
        median(without[1]) / 1024,
        median(with[1]) / 1024,
        (median(with[1]) - median(without[1])) / 1024);
  }

  private static Duration window() {
    return Duration.ofSeconds(WINDOW_SECONDS);
  }

  private static void record(double[][] into, int run, double[] cpuAndRss) {
    into[0][run] = cpuAndRss[0];
    into[1][run] = cpuAndRss[1];
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

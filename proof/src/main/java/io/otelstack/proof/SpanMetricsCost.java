package io.otelstack.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What span metrics cost the gateway: the sampling scenario's load (2,400 traces, 9,600 spans,
 * split over 2 replicas) run in pairs, as generated and without the connector, printing each run
 * and the medians of both replicas' CPU time and the larger peak RSS.
 *
 * <p>Run from the repository root after {@code mvn -q -B process-test-classes}: {@code java
 * -Dproject.basedir=$PWD -cp "proof/target/classes:$(cat proof/target/prove.classpath)"
 * io.otelstack.proof.SpanMetricsCost [pairs] [fast traces]} (default 5 pairs of the scenario's
 * 2,000 fast traces, with 200 error and 200 slow ones).
 */
public final class SpanMetricsCost {
  private SpanMetricsCost() {}

  /** Runs the pairs and prints the figures. */
  public static void main(String[] args) {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int fast = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    GeneratedStack stack = ProofStacks.underProof();
    List<Sampling.Figures> with = new ArrayList<>();
    List<Sampling.Figures> without = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      // Alternate which variant runs first, so a drift in the machine's load hits both.
      boolean withFirst = i % 2 == 0;
      for (boolean spanMetrics : withFirst ? List.of(true, false) : List.of(false, true)) {
        Sampling.Figures f =
            spanMetrics
                ? Sampling.run(stack, fast, 200, 200)
                : Sampling.run(stack, fast, 200, 200, Sampling::withoutSpanMetrics);
        (spanMetrics ? with : without).add(f);
        System.out.printf(
            Locale.ROOT,
            "run %d %s: %d spans, cpu %.2f s, peak rss %d MiB, span-metric calls series %d%n",
            i + 1,
            spanMetrics ? "with span metrics" : "without",
            f.spansSent(),
            f.cpuSeconds(),
            f.peakRssMib(),
            f.spanMetrics().series());
      }
    }
    int buckets = Sampling.bucketBoundsMs(stack).size();
    System.out.printf(
        Locale.ROOT,
        "median cpu: with %.2f s, without %.2f s; median peak rss: with %.0f MiB, without %.0f MiB;"
            + " calls series %d, Prometheus series per calls series %d (calls + %d buckets + +Inf"
            + " + sum + count)%n",
        median(with, Sampling.Figures::cpuSeconds),
        median(without, Sampling.Figures::cpuSeconds),
        median(with, f -> f.peakRssMib()),
        median(without, f -> f.peakRssMib()),
        with.get(0).spanMetrics().series(),
        buckets + 4,
        buckets);
  }

  private static double median(List<Sampling.Figures> runs, ToDoubleFunction<Sampling.Figures> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}

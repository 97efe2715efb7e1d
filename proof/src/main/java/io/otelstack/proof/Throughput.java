package io.otelstack.proof;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Scenario 6, a benchmark rather than a test: sustained spans per second through the StatefulSet's
 * trace path (otlp, load balancing, sampling stage, coralogix) with its persistent queues as
 * generated, against the same configuration with every queue in memory. Rounds alternate between
 * the two so that machine noise hits both; the figure is the median.
 *
 * <p>Senders push error traces (all kept, so every span reaches the sink) as fast as the collector
 * accepts them. The sustained rate is what reaches the sink per second in the steady window: after
 * the first decisions (the decision wait) and before the senders stop.
 */
final class Throughput {
  private static final int SENDERS = 2;

  private Throughput() {}

  /**
   * One measured round.
   *
   * @param spansPerSecond spans reaching the sink per second in the steady window
   * @param acceptedPerSecond spans the collector acknowledged per second while sending
   * @param peakRssMib the collector's peak resident memory (VmHWM)
   */
  record Round(double spansPerSecond, double acceptedPerSecond, double peakRssMib) {}

  /**
   * The benchmark's figures.
   *
   * @param persistent rounds with the generated persistent queues
   * @param inMemory rounds with in-memory queues
   * @param sendSeconds how long each round sent
   */
  record Figures(List<Round> persistent, List<Round> inMemory, int sendSeconds) {
    /** Median sustained rate with persistent queues divided by the in-memory median. */
    double ratio() {
      return median(persistent, Round::spansPerSecond) / median(inMemory, Round::spansPerSecond);
    }

    /** The median of one figure over rounds (or over the runs of any scenario). */
    static <T> double median(List<T> rounds, java.util.function.ToDoubleFunction<T> f) {
      double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
  }

  /** Runs {@code rounds} rounds of each variant, each sending for {@code sendSeconds}. */
  static Figures run(GeneratedStack stack, int rounds, int sendSeconds) {
    List<Round> persistent = new ArrayList<>();
    List<Round> inMemory = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      persistent.add(round(stack, UnaryOperator.identity(), sendSeconds));
      inMemory.add(round(stack, LocalOverlay::inMemoryQueues, sendSeconds));
    }
    return new Figures(persistent, inMemory, sendSeconds);
  }

  /** One round on the generated configuration changed by {@code variant}. */
  static Round round(
      GeneratedStack stack, UnaryOperator<java.util.Map<String, Object>> variant, int sendSeconds) {
    Path work = LocalCollectors.tempDir("throughput");
    try (OtlpSink sink = new OtlpSink().start();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts = LocalCollectors.statefulSet(stack, 1, work, sink, app)) {
      sts.reconfigure(variant);
      sts.start(0);
      long start = System.nanoTime();
      long stop = start + TimeUnit.SECONDS.toNanos(sendSeconds);
      try (ErrorTraceSenders senders = new ErrorTraceSenders(SENDERS, sts.otlpEndpoint(0), stop)) {
        // Steady window: from the first decisions until the senders stop.
        long windowStart = start + stack.decisionWait().plusSeconds(2).toNanos();
        Await.until(
            Duration.ofSeconds(sendSeconds + 60L),
            "the steady window to open",
            () -> System.nanoTime() >= windowStart);
        long atStart = sink.spanArrivals();
        long t0 = System.nanoTime();
        Await.until(
            Duration.ofSeconds(sendSeconds + 60L),
            "the senders to stop",
            () -> System.nanoTime() >= stop);
        double rate = (sink.spanArrivals() - atStart) / ((System.nanoTime() - t0) / 1e9);
        senders.awaitStop();
        double acceptedRate = senders.accepted() / ((System.nanoTime() - start) / 1e9);
        return new Round(rate, acceptedRate, sts.process(0).peakRssKib() / 1024.0);
      }
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }
}

package io.otelstack.proof;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The proof load for rates and resources: a few senders pushing error traces (all kept, so every
 * span reaches the sink) of 5 spans to one collector as fast as it accepts them, until a deadline.
 */
final class ErrorTraceSenders implements AutoCloseable {
  private static final int TRACES_PER_BATCH = 100;

  private final ExecutorService pool;
  private final AtomicLong accepted = new AtomicLong();

  /** Starts {@code senders} senders to {@code endpoint} that stop at {@code stopNanos}. */
  ErrorTraceSenders(int senders, String endpoint, long stopNanos) {
    pool = Executors.newFixedThreadPool(senders);
    for (int s = 0; s < senders; s++) {
      pool.submit(
          () -> {
            try (OtlpLoad load = new OtlpLoad(endpoint)) {
              while (System.nanoTime() < stopNanos) {
                accepted.addAndGet(
                    load.sendSpans(
                            OtlpLoad.traces(OtlpLoad.TraceKind.ERROR, TRACES_PER_BATCH, 5, 0))
                        .size());
              }
            }
          });
    }
  }

  /** Spans the collector acknowledged so far. */
  long accepted() {
    return accepted.get();
  }

  /** Waits until every sender has finished its last batch after the deadline. */
  void awaitStop() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
        throw new AssertionError("senders did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}

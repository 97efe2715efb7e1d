package io.otelstack.proof;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waiting: every wait in the harness has a deadline and fails loudly when it passes. */
final class Await {
  private static final long POLL_MILLIS = 100;

  private Await() {}

  /** Waits until the condition holds; throws naming what was awaited when the deadline passes. */
  static void until(Duration timeout, String what, BooleanSupplier condition) {
    if (!poll(timeout, condition)) {
      throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
  }

  /** Waits until the condition holds or the deadline passes; returns whether it held. */
  static boolean poll(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(Duration.ofMillis(POLL_MILLIS));
    }
    return true;
  }

  /**
   * Waits until a count stops changing for {@code quiet}, bounded by {@code timeout}: how the
   * harness knows a collector has finished moving data it was given. Returns the settled value.
   */
  static long settle(Duration quiet, Duration timeout, java.util.function.LongSupplier count) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = count.getAsLong();
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(POLL_MILLIS));
      long now = count.getAsLong();
      if (now != last) {
        last = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince >= quiet.toNanos()) {
        return now;
      }
    }
    return last;
  }

  /** Sleeps, turning interruption into an error so a cancelled run stops. */
  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}

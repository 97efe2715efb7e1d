package io.otelstack.testing.kube;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a node-side component that cannot run here, polling the API once a second on its
 * own thread. A failed poll is printed and retried at the next tick, as a real agent's would be.
 */
abstract class StandIn implements AutoCloseable {
  protected final KubeApi api;
  private final ScheduledExecutorService loop;

  StandIn(KubeApi api, String name) {
    this.api = api;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    loop.scheduleWithFixedDelay(this::safePoll, 1, 1, TimeUnit.SECONDS);
  }

  /** One reconciliation pass over the cluster. */
  protected abstract void poll();

  private void safePoll() {
    try {
      poll();
    } catch (RuntimeException | AssertionError e) {
      System.err.println(Thread.currentThread().getName() + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}

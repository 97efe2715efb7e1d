package io.otelstack.proof;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 7, autoscaling thresholds against the real collector: one StatefulSet replica of the
 * generated configuration, with {@code GOMEMLIMIT} as the chart sets it, measured idle, under the
 * proof load (error traces pushed as fast as it accepts them) and after the load stops. The HPA's
 * targets are percentages of the pod's requests; the figures compare the collector's resident
 * memory and CPU with those absolute thresholds.
 */
final class Autoscaling {
  private static final int SENDERS = 2;

  private Autoscaling() {}

  /**
   * The scenario's figures; memory in MiB, CPU in cores.
   *
   * @param memoryThresholdMib the HPA's memory target times the memory request
   * @param cpuThresholdCores the HPA's CPU target times the CPU request
   * @param goMemLimitMib the Go runtime's soft memory limit the chart sets
   * @param idleRssMib resident memory after the idle period
   * @param idleCores CPU used over the idle period
   * @param loadedRssMib highest resident memory sampled under load
   * @param loadedCores CPU used over the load period
   * @param settledRssMib resident memory once the load had stopped for the settle period
   * @param loadSeconds how long the load ran
   */
  record Figures(
      double memoryThresholdMib,
      double cpuThresholdCores,
      double goMemLimitMib,
      double idleRssMib,
      double idleCores,
      double loadedRssMib,
      double loadedCores,
      double settledRssMib,
      int loadSeconds) {}

  /** Runs the scenario: idle, then load for {@code loadSeconds}, then {@code settle} quiet. */
  @SuppressWarnings("unchecked")
  static Figures run(GeneratedStack stack, Duration idle, int loadSeconds, Duration settle) {
    Map<String, Object> values = stack.statefulSetValues();
    Map<String, Object> requests =
        (Map<String, Object>) ((Map<String, Object>) values.get("resources")).get("requests");
    Map<String, Object> limits =
        (Map<String, Object>) ((Map<String, Object>) values.get("resources")).get("limits");
    Map<String, Object> hpa = (Map<String, Object>) values.get("autoscaling");
    double memoryThreshold =
        mib(PodEnvironment.bytes(requests.get("memory").toString()))
            * ((Number) hpa.get("targetMemoryUtilizationPercentage")).doubleValue()
            / 100;
    double cpuThreshold =
        cores(requests.get("cpu").toString())
            * ((Number) hpa.get("targetCPUUtilizationPercentage")).doubleValue()
            / 100;
    double goMemLimit = mib(PodEnvironment.bytes(limits.get("memory").toString())) * 0.8;

    Path work = LocalCollectors.tempDir("autoscaling");
    try (OtlpSink sink = new OtlpSink().start();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts = LocalCollectors.statefulSet(stack, 1, work, sink, app)) {
      CollectorProcess collector = sts.start(0);
      double cpu0 = collector.cpuSeconds();
      Await.sleep(idle);
      double idleCores = (collector.cpuSeconds() - cpu0) / idle.toSeconds();
      double idleRss = collector.rssKib() / 1024.0;

      double cpu1 = collector.cpuSeconds();
      long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(loadSeconds);
      double loadedRss = 0;
      double loadedCores;
      try (ErrorTraceSenders senders = new ErrorTraceSenders(SENDERS, sts.otlpEndpoint(0), stop)) {
        while (System.nanoTime() < stop) {
          loadedRss = Math.max(loadedRss, collector.rssKib() / 1024.0);
          Await.sleep(Duration.ofSeconds(1));
        }
        loadedCores = (collector.cpuSeconds() - cpu1) / loadSeconds;
        senders.awaitStop();
      }
      Await.sleep(settle);
      return new Figures(
          memoryThreshold,
          cpuThreshold,
          goMemLimit,
          idleRss,
          idleCores,
          loadedRss,
          loadedCores,
          collector.rssKib() / 1024.0,
          loadSeconds);
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  private static double mib(long bytes) {
    return bytes / 1048576.0;
  }

  /** A Kubernetes CPU quantity such as {@code 250m} or {@code 2}, in cores. */
  private static double cores(String quantity) {
    return quantity.endsWith("m")
        ? Integer.parseInt(quantity.substring(0, quantity.length() - 1)) / 1000.0
        : Double.parseDouble(quantity);
  }
}

package io.otelstack.proof;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.internal.HelmValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 9, traces across a scale event: under steady OTLP load the StatefulSet goes from 2 to 3
 * replicas, and the {@code load_balancing} exporter of every replica starts routing a third of the
 * trace IDs to the new one. A trace whose spans arrive partly before and partly after the change
 * can be split between two samplers, each deciding on half a trace.
 *
 * <p>Each trace has 4 spans, the first one an error, so the sampler keeps every complete trace. The
 * load sends each trace in two halves a second apart (two services exporting at different times),
 * alternately to the replicas in service, as a Service spreads connections.
 *
 * <p>Stand-in: in the cluster each replica's Kubernetes resolver sees the new pod's endpoint and
 * re-routes in place. Here a static resolver lists the sampling replicas; the change is a rewrite
 * of that list and {@code SIGHUP}, which makes the collector restart its pipelines in the same
 * process. So that this restart does not also empty a tail sampler's memory (which the resolver
 * update never does), each replica runs as two processes from the generated configuration: one with
 * the {@code traces} pipeline (OTLP in, load balancing out, the part that re-routes) and one with
 * {@code traces/sampling} (the tail sampler and the Coralogix exporter, never restarted).
 */
final class ScaleEvent {
  private static final int REPLICAS_BEFORE = 2;
  private static final int SPANS_PER_TRACE = 4;
  private static final int TRACES_PER_TICK = 20;
  private static final Duration TICK = Duration.ofMillis(500);
  private static final Duration HALF_APART = Duration.ofSeconds(1);
  private static final Duration DELIVERY = Duration.ofMinutes(3);

  private ScaleEvent() {}

  /**
   * One run's figures.
   *
   * @param tracesSent traces sent
   * @param keptTraces traces with at least one span at the sink
   * @param incompleteKeptTraces kept traces missing at least one span
   * @param tracesAcrossTheChange traces whose two halves were sent on either side of the change
   */
  record Figures(
      int tracesSent, int keptTraces, int incompleteKeptTraces, int tracesAcrossTheChange) {
    /** Kept traces missing spans, as a share of kept traces. */
    double incompleteShare() {
      return keptTraces == 0 ? 0 : (double) incompleteKeptTraces / keptTraces;
    }

    /**
     * The most kept traces a 2 to 3 event may split: of the traces in flight across the change,
     * only those whose trace ID moves to the new replica can split, 1/(n+1) of them for n to n+1
     * replicas. That count is binomial, so the bound is its mean plus three standard deviations,
     * e.g. 22 of 40 in flight. A change that moved every trace ID would split about all 40.
     */
    int splitBound() {
      double moved = 1.0 / (REPLICAS_BEFORE + 1);
      double mean = tracesAcrossTheChange * moved;
      return (int) Math.floor(mean + 3 * Math.sqrt(mean * (1 - moved)));
    }
  }

  /** Runs the scenario: {@code before} under load with 2 replicas, then {@code after} with 3. */
  static Figures run(GeneratedStack stack, Duration before, Duration after) {
    Path work = LocalCollectors.tempDir("scale-event");
    ExecutorService load = Executors.newSingleThreadExecutor();
    try (OtlpSink sink = new OtlpSink().start();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors samplers =
            tier(stack, "otel-sampling", "traces/sampling", work, sink, app);
        LocalCollectors routers = tier(stack, "otel-routing", "traces", work, sink, app)) {
      routers.reconfigure(c -> routeTo(c, samplers, REPLICAS_BEFORE));
      for (int i = 0; i < REPLICAS_BEFORE; i++) {
        samplers.start(i);
        routers.start(i);
      }
      List<String> inService =
          new CopyOnWriteArrayList<>(List.of(routers.otlpEndpoint(0), routers.otlpEndpoint(1)));
      List<List<SpanData>> firstHalves = new CopyOnWriteArrayList<>();
      List<List<SpanData>> secondHalves = new CopyOnWriteArrayList<>();
      AtomicLong changedAt = new AtomicLong(Long.MAX_VALUE);
      long stop = System.nanoTime() + before.plus(after).toNanos();
      var sending = load.submit(() -> send(inService, stop, firstHalves, secondHalves, changedAt));

      Await.sleep(before);
      samplers.start(REPLICAS_BEFORE);
      routers.reconfigure(c -> routeTo(c, samplers, REPLICAS_BEFORE + 1));
      routers.start(REPLICAS_BEFORE);
      changedAt.set(System.nanoTime());
      for (int i = 0; i < REPLICAS_BEFORE; i++) {
        routers.process(i).reload(routers.config(i));
      }
      inService.add(routers.otlpEndpoint(REPLICAS_BEFORE));
      int across = sending.get(before.plus(after).plusMinutes(2).toSeconds(), TimeUnit.SECONDS);

      Await.sleep(stack.decisionWait());
      Await.settle(Duration.ofSeconds(5), DELIVERY, sink::spanArrivals);
      return count(firstHalves, secondHalves, sink.traces(), across);
    } catch (Exception e) {
      throw new AssertionError("scale event: " + e, e);
    } finally {
      load.shutdownNow();
      LocalCollectors.deleteTree(work);
    }
  }

  /**
   * One tier of the StatefulSet: 3 replicas running only {@code pipeline} of the generated one.
   * Span metrics are left out: their connector needs the metrics pipeline this tier drops, and the
   * scenario counts traces, not them (SamplingTest proves span metrics across replicas).
   */
  private static LocalCollectors tier(
      GeneratedStack stack,
      String name,
      String pipeline,
      Path work,
      OtlpSink sink,
      PrometheusEndpoint app) {
    Map<String, Object> only = Sampling.withoutSpanMetrics(stack.statefulSetConfig());
    @SuppressWarnings("unchecked")
    Map<String, Object> pipelines =
        (Map<String, Object>) ((Map<String, Object>) only.get("service")).get("pipelines");
    pipelines.keySet().removeIf(p -> !p.equals(pipeline));
    return new LocalCollectors(
        name,
        only,
        PodEnvironment.of(stack.statefulSetValues()),
        3,
        work,
        sink,
        work.resolve("pods"),
        stack.scrapeTarget(app.address()));
  }

  /** The configuration with its load-balancing resolver listing the first {@code n} samplers. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> routeTo(
      Map<String, Object> config, LocalCollectors samplers, int n) {
    Map<String, Object> copy = HelmValues.merge(config, Map.of());
    List<String> peers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      peers.add(samplers.endpoint(i, MetricsTracesStatefulSet.SAMPLING_PORT));
    }
    ((Map<String, Object>) copy.get("exporters"))
        .entrySet().stream()
            .filter(
                e -> e.getKey().startsWith("load_balancing") || e.getKey().startsWith("loadbal"))
            .forEach(
                e ->
                    ((Map<String, Object>) e.getValue())
                        .put("resolver", Map.of("static", Map.of("hostnames", peers))));
    return copy;
  }

  /**
   * Sends traces until {@code stop}: every tick, the first halves of new traces and the second
   * halves of those started {@link #HALF_APART} earlier, each batch to the next replica in service.
   * Returns how many traces had their halves sent on either side of the change.
   */
  private static int send(
      List<String> inService,
      long stop,
      List<List<SpanData>> firstHalves,
      List<List<SpanData>> secondHalves,
      AtomicLong changedAt) {
    Map<String, OtlpLoad> clients = new HashMap<>();
    List<long[]> pendingAt = new ArrayList<>();
    List<List<SpanData>> pending = new ArrayList<>();
    int across = 0;
    int next = 0;
    try {
      while (System.nanoTime() < stop || !pending.isEmpty()) {
        long now = System.nanoTime();
        while (!pending.isEmpty() && now - pendingAt.get(0)[0] >= HALF_APART.toNanos()) {
          List<SpanData> half = pending.remove(0);
          if (pendingAt.remove(0)[0] < changedAt.get() && now >= changedAt.get()) {
            across += half.size() / (SPANS_PER_TRACE / 2);
          }
          next = sendTo(clients, inService, next, half);
          secondHalves.add(half);
        }
        if (now < stop) {
          List<SpanData> first = new ArrayList<>();
          List<SpanData> second = new ArrayList<>();
          List<SpanData> spans =
              OtlpLoad.traces(OtlpLoad.TraceKind.ERROR, TRACES_PER_TICK, SPANS_PER_TRACE, 0);
          for (int s = 0; s < spans.size(); s++) {
            (s % SPANS_PER_TRACE < SPANS_PER_TRACE / 2 ? first : second).add(spans.get(s));
          }
          next = sendTo(clients, inService, next, first);
          firstHalves.add(first);
          pending.add(second);
          pendingAt.add(new long[] {now});
        }
        Await.sleep(TICK);
      }
    } finally {
      clients.values().forEach(OtlpLoad::close);
    }
    return across;
  }

  private static int sendTo(
      Map<String, OtlpLoad> clients, List<String> inService, int next, List<SpanData> spans) {
    String endpoint = inService.get(next % inService.size());
    clients.computeIfAbsent(endpoint, OtlpLoad::new).sendSpans(spans);
    return next + 1;
  }

  private static Figures count(
      List<List<SpanData>> firstHalves,
      List<List<SpanData>> secondHalves,
      Map<String, Set<String>> received,
      int across) {
    List<SpanData> sent = new ArrayList<>();
    firstHalves.forEach(sent::addAll);
    secondHalves.forEach(sent::addAll);
    TraceCompleteness c = TraceCompleteness.of(sent, received);
    return new Figures(c.sent(), c.kept(), c.incomplete(), across);
  }
}

package io.otelstack.proof;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the {@code span_metrics} connector's {@code calls} and {@code duration} series say once
 * every replica has flushed: each series' latest cumulative point, summed over series (and so over
 * the replicas' {@code collector.instance.id}), as a PromQL {@code sum} would read them.
 *
 * @param calls spans counted
 * @param errorCalls spans counted with {@code status.code} {@code STATUS_CODE_ERROR}
 * @param buckets spans counted per duration bucket, the last one above the highest bound
 * @param series distinct {@code calls} series
 * @param instanceIds the distinct {@code collector.instance.id} values of the {@code calls} points
 * @param pointsWithoutInstance {@code calls} points without a {@code collector.instance.id}
 * @param nonMonotonicSeries {@code calls} series whose cumulative value went down at some point:
 *     two replicas writing one series
 */
record SpanMetricCounts(
    long calls,
    long errorCalls,
    List<Long> buckets,
    int series,
    Set<String> instanceIds,
    int pointsWithoutInstance,
    int nonMonotonicSeries) {
  static final String INSTANCE = "collector.instance.id";

  /** Reads the connector's points among everything the sink received. */
  static SpanMetricCounts of(List<OtlpSink.MetricPoint> points) {
    Map<String, List<OtlpSink.MetricPoint>> calls = bySeries(points, "calls");
    long total = 0;
    long errors = 0;
    int nonMonotonic = 0;
    Set<String> ids = new TreeSet<>();
    int withoutId = 0;
    for (List<OtlpSink.MetricPoint> s : calls.values()) {
      double previous = 0;
      for (OtlpSink.MetricPoint p : s) {
        if (p.value() < previous) {
          nonMonotonic++;
          break;
        }
        previous = p.value();
      }
      for (OtlpSink.MetricPoint p : s) {
        String id = p.attributes().get(INSTANCE);
        if (id == null) {
          withoutId++;
        } else {
          ids.add(id);
        }
      }
      OtlpSink.MetricPoint last = s.get(s.size() - 1);
      total += (long) last.value();
      if ("STATUS_CODE_ERROR".equals(last.attributes().get("status.code"))) {
        errors += (long) last.value();
      }
    }
    List<Long> buckets = new ArrayList<>();
    for (List<OtlpSink.MetricPoint> s : bySeries(points, "duration").values()) {
      List<Long> counts = s.get(s.size() - 1).bucketCounts();
      for (int i = 0; i < counts.size(); i++) {
        if (buckets.size() <= i) {
          buckets.add(0L);
        }
        buckets.set(i, buckets.get(i) + counts.get(i));
      }
    }
    return new SpanMetricCounts(total, errors, buckets, calls.size(), ids, withoutId, nonMonotonic);
  }

  /**
   * What the counts must be for {@code spans}: one bucket per bound (a duration equal to a bound
   * falls in that bound's bucket) and one above the highest.
   */
  static List<Long> expectedBuckets(List<SpanData> spans, List<Double> boundsMs) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i <= boundsMs.size(); i++) {
      out.add(0L);
    }
    for (SpanData s : spans) {
      double ms = (s.getEndEpochNanos() - s.getStartEpochNanos()) / 1e6;
      int i = 0;
      while (i < boundsMs.size() && ms > boundsMs.get(i)) {
        i++;
      }
      out.set(i, out.get(i) + 1);
    }
    return out;
  }

  /** Spans whose status is ERROR. */
  static long errors(List<SpanData> spans) {
    return spans.stream().filter(s -> s.getStatus().getStatusCode() == StatusCode.ERROR).count();
  }

  private static Map<String, List<OtlpSink.MetricPoint>> bySeries(
      List<OtlpSink.MetricPoint> points, String name) {
    Map<String, List<OtlpSink.MetricPoint>> out = new HashMap<>();
    for (OtlpSink.MetricPoint p : points) {
      if (p.name().equals(name)) {
        out.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
      }
    }
    out.values().forEach(s -> s.sort(Comparator.comparingLong(OtlpSink.MetricPoint::timeUnixNano)));
    return out;
  }
}

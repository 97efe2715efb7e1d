package io.otelstack.proof;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What {@link OtlpSink} keeps of an OTLP export: metric points and log records, flattened. */
final class OtlpDecoding {
  private OtlpDecoding() {}

  /** Every data point of a metrics export, with its resource's attributes. */
  static List<OtlpSink.MetricPoint> metricPoints(ExportMetricsServiceRequest request) {
    List<OtlpSink.MetricPoint> out = new ArrayList<>();
    request
        .getResourceMetricsList()
        .forEach(
            rm -> {
              Map<String, String> resource = attributes(rm.getResource().getAttributesList());
              rm.getScopeMetricsList()
                  .forEach(sm -> sm.getMetricsList().forEach(m -> record(out, resource, m)));
            });
    return out;
  }

  /** Every log record of a logs export. */
  static List<OtlpSink.ReceivedLog> logs(ExportLogsServiceRequest request) {
    List<OtlpSink.ReceivedLog> out = new ArrayList<>();
    request
        .getResourceLogsList()
        .forEach(
            rl -> {
              Map<String, String> resource = attributes(rl.getResource().getAttributesList());
              rl.getScopeLogsList()
                  .forEach(
                      sl -> {
                        for (LogRecord r : sl.getLogRecordsList()) {
                          out.add(
                              new OtlpSink.ReceivedLog(
                                  text(r.getBody()),
                                  attributes(r.getAttributesList()),
                                  r.getSeverityNumberValue(),
                                  resource));
                        }
                      });
            });
    return out;
  }

  private static void record(
      List<OtlpSink.MetricPoint> out, Map<String, String> resource, Metric m) {
    Points to = new Points(out, resource, m);
    switch (m.getDataCase()) {
      case GAUGE -> m.getGauge().getDataPointsList().forEach(to::number);
      case SUM -> m.getSum().getDataPointsList().forEach(to::number);
      // Prometheus series: one per bucket (with +Inf), plus _sum and _count.
      case HISTOGRAM -> {
        for (var p : m.getHistogram().getDataPointsList()) {
          to.out.add(
              to.point(
                  p.getAttributesList(),
                  p.getTimeUnixNano(),
                  p.getExplicitBoundsCount() + 3,
                  Double.NaN,
                  p.getBucketCountsList()));
        }
      }
      case SUMMARY -> {
        for (var p : m.getSummary().getDataPointsList()) {
          to.add(p.getAttributesList(), p.getTimeUnixNano(), p.getQuantileValuesCount() + 2);
        }
      }
      default -> to.add(List.of(), 0, 1);
    }
  }

  /** Adds the points of one metric, under its resource's attributes. */
  private record Points(List<OtlpSink.MetricPoint> out, Map<String, String> resource, Metric m) {
    void number(NumberDataPoint p) {
      double value =
          p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
      out.add(point(p.getAttributesList(), p.getTimeUnixNano(), 1, value, List.of()));
    }

    /** A histogram or summary point: no single value, several Prometheus series. */
    void add(List<KeyValue> attributes, long timeUnixNano, int prometheusSeries) {
      out.add(point(attributes, timeUnixNano, prometheusSeries, Double.NaN, List.of()));
    }

    private OtlpSink.MetricPoint point(
        List<KeyValue> attributes,
        long timeUnixNano,
        int prometheusSeries,
        double value,
        List<Long> bucketCounts) {
      return new OtlpSink.MetricPoint(
          m.getName(),
          resource,
          attributes(attributes),
          timeUnixNano,
          prometheusSeries,
          value,
          List.copyOf(bucketCounts));
    }
  }

  static Map<String, String> attributes(List<KeyValue> kvs) {
    Map<String, String> out = new TreeMap<>();
    kvs.forEach(kv -> out.put(kv.getKey(), text(kv.getValue())));
    return out;
  }

  private static String text(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case INT_VALUE -> Long.toString(v.getIntValue());
      case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
      case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
      case KVLIST_VALUE -> attributes(v.getKvlistValue().getValuesList()).toString();
      default -> v.toString();
    };
  }
}

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
            rl ->
                rl.getScopeLogsList()
                    .forEach(
                        sl -> {
                          for (LogRecord r : sl.getLogRecordsList()) {
                            out.add(
                                new OtlpSink.ReceivedLog(
                                    text(r.getBody()),
                                    attributes(r.getAttributesList()),
                                    r.getSeverityNumberValue()));
                          }
                        }));
    return out;
  }

  private static void record(
      List<OtlpSink.MetricPoint> out, Map<String, String> resource, Metric m) {
    switch (m.getDataCase()) {
      case GAUGE -> m.getGauge().getDataPointsList().forEach(p -> number(out, resource, m, p));
      case SUM -> m.getSum().getDataPointsList().forEach(p -> number(out, resource, m, p));
      case HISTOGRAM ->
          m.getHistogram()
              .getDataPointsList()
              .forEach(
                  p ->
                      // Prometheus series: one per bucket (with +Inf), plus _sum and _count.
                      add(
                          out,
                          resource,
                          m,
                          p.getAttributesList(),
                          p.getTimeUnixNano(),
                          p.getExplicitBoundsCount() + 3,
                          Double.NaN));
      case SUMMARY ->
          m.getSummary()
              .getDataPointsList()
              .forEach(
                  p ->
                      add(
                          out,
                          resource,
                          m,
                          p.getAttributesList(),
                          p.getTimeUnixNano(),
                          p.getQuantileValuesCount() + 2,
                          Double.NaN));
      default -> add(out, resource, m, List.of(), 0, 1, Double.NaN);
    }
  }

  private static void number(
      List<OtlpSink.MetricPoint> out, Map<String, String> resource, Metric m, NumberDataPoint p) {
    double value =
        p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
    add(out, resource, m, p.getAttributesList(), p.getTimeUnixNano(), 1, value);
  }

  private static void add(
      List<OtlpSink.MetricPoint> out,
      Map<String, String> resource,
      Metric m,
      List<KeyValue> attributes,
      long timeUnixNano,
      int prometheusSeries,
      double value) {
    out.add(
        new OtlpSink.MetricPoint(
            m.getName(), resource, attributes(attributes), timeUnixNano, prometheusSeries, value));
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

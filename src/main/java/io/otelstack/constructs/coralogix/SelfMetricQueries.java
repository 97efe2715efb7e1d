package io.otelstack.constructs.coralogix;

import java.util.List;

/**
 * PromQL over the collectors' own metrics, as the collector 0.158.0 names them on its telemetry
 * endpoint (checked against the real distribution), shared by the alerts and the dashboard so both
 * read the same numbers.
 */
final class SelfMetricQueries {
  /** The signals an exporter or receiver counts items of, as metric name parts. */
  private static final List<String> ITEMS = List.of("spans", "metric_points", "log_records");

  private SelfMetricQueries() {}

  /** The collector's uptime counter: one series per running collector. */
  static String uptime(String selector) {
    return "{__name__=~\"otelcol_process_uptime(_seconds_total)?\", " + selector + "}";
  }

  /** Queue fill in percent per {@code by}, from the exporters' queue size and capacity. */
  static String queueFillPercent(String selector, List<String> by) {
    String group = String.join(", ", by);
    return "100 * max by ("
        + group
        + ") (otelcol_exporter_queue_size{"
        + selector
        + "}) / max by ("
        + group
        + ") (otelcol_exporter_queue_capacity{"
        + selector
        + "})";
  }

  /**
   * The per-second rate of an item counter across the three signals, per {@code by}, e.g. {@code
   * otelcol_exporter_send_failed} covers {@code otelcol_exporter_send_failed_spans} and its
   * metric-point and log-record twins.
   */
  static String itemRate(String counter, String selector, List<String> by, int minutes) {
    return itemSum("rate", counter, selector, by, minutes);
  }

  /** The items a counter added over the last {@code minutes}, across the three signals. */
  static String itemIncrease(String counter, String selector, List<String> by, int minutes) {
    return itemSum("increase", counter, selector, by, minutes);
  }

  /**
   * The three counters taken one by one, each tagged with its signal, then summed: {@code
   * rate({__name__=~"..._(spans|metric_points|log_records)"})} over all three at once drops the
   * metric name and fails ("vector cannot contain metrics with the same labelset") wherever one
   * component counts two signals, as the OTLP receiver and the logs agent's exporter do.
   */
  private static String itemSum(
      String function, String counter, String selector, List<String> by, int minutes) {
    StringBuilder perSignal = new StringBuilder();
    for (String item : ITEMS) {
      if (perSignal.length() > 0) {
        perSignal.append(" or ");
      }
      perSignal
          .append("label_replace(")
          .append(function)
          .append("({__name__=~\"")
          .append(counter)
          .append('_')
          .append(item)
          .append("(_total)?\", ")
          .append(selector)
          .append("}[")
          .append(minutes)
          .append("m]), \"signal\", \"")
          .append(item)
          .append("\", \"\", \"\")");
    }
    return "sum by (" + String.join(", ", by) + ") (" + perSignal + ")";
  }
}

package io.otelstack.proof;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sections of the delivery claims: crash, queue capacity, graceful stop, log tailing. */
abstract class DeliveryReport extends ReportDocument {
  DeliveryReport(String environment, String date, String machine, String collector) {
    super(environment, date, machine, collector);
  }

  /** Scenario 1. */
  void crash(int n, CrashRecovery.Figures f) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("itemsPerSignal", n);
    f.all().forEach(d -> s.put(d.signal(), delivery(d)));
    s.put("recoverySeconds", round(f.recoverySeconds()));
    json.put("crashWithBackendDown", s);
    section("1. Crash (`kill -9`) with the backend down");
    md.append(n)
        .append(" spans, metric points and log lines each, sent while the sink was down; both ")
        .append("collectors killed with SIGKILL once the data was accepted, restarted on the same ")
        .append("storage, sink brought up.\n\n")
        .append("| signal | sent | delivered (unique) | delivered / sent | duplicates |\n")
        .append("| --- | ---: | ---: | ---: | ---: |\n");
    for (Delivery d : f.all()) {
      md.append("| ")
          .append(d.signal())
          .append(" | ")
          .append(d.sent())
          .append(" | ")
          .append(d.delivered())
          .append(" | ")
          .append(percent(d.ratio()))
          .append(" | ")
          .append(d.duplicates())
          .append(" |\n");
    }
    summary(
        "No loss when a collector is killed (`kill -9`) with the backend down",
        String.join(
                "; ",
                f.all().stream()
                    .map(
                        d ->
                            d.signal()
                                + " "
                                + d.delivered()
                                + "/"
                                + d.sent()
                                + " ("
                                + d.duplicates()
                                + " duplicates)")
                    .toList())
            + " delivered");
    md.append("\nEverything was at the sink ")
        .append(round(f.recoverySeconds()))
        .append(" s after the restart.\n");
  }

  /** Scenario 1b: more sampled traces through an outage than the queue has batches. */
  void capacity(int queueBatches, QueueCapacity.Figures f) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("queueSizeBatches", queueBatches);
    s.put("queueSize", f.queueSize());
    s.put("sizer", f.sizer());
    s.put("traces", delivery(f.traces()));
    json.put("outageLongerThanQueueBatches", s);
    summary(
        "Through an outage, more kept traces than the queue has batches",
        f.traces().delivered() + "/" + f.traces().sent() + " single-span traces delivered");
    section("1b. Outage with more kept traces than the queue has batches");
    md.append(f.traces().sent())
        .append(" single-span error traces sent while the sink was down, against ")
        .append(queueBatches)
        .append(" queue batches (`queue_size: ")
        .append(f.queueSize())
        .append("`, sizer `")
        .append(f.sizer())
        .append("`); the tail sampler releases each kept trace as one request. Delivered after")
        .append(" the sink came up: **")
        .append(f.traces().delivered())
        .append(" / ")
        .append(f.traces().sent())
        .append("** (")
        .append(f.traces().duplicates())
        .append(" duplicates).\n\nChanged on this branch: `SendingQueue` counted `queue_size` in")
        .append(" requests (`sizer: requests`, 5000); the same run then delivered 5000 of 6000")
        .append(" (measured 2026-11-25). It now counts bytes, `queue_size` = sizeBatches ×")
        .append(" maxBatchSizeKi KiB, the bound the PVC size is already validated against.\n");
  }

  /** Scenario 2. */
  void graceful(GracefulStop.Figures f) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("terminationGracePeriodSeconds", f.gracePeriodSeconds());
    s.put("preStopSeconds", f.preStopSeconds());
    s.put("queuedAtSigterm", f.queuedAtSigterm());
    s.put("queueUnit", f.queueUnit());
    s.put("drainSeconds", f.drainSeconds());
    s.put("withinGracePeriod", f.withinGracePeriod());
    s.put("spans", delivery(f.spans()));
    json.put("gracefulStop", s);
    summary(
        "A graceful stop drains within the grace period and loses nothing",
        "shut down "
            + f.drainSeconds()
            + " s after SIGTERM (+ "
            + f.preStopSeconds()
            + " s preStop) of a "
            + f.gracePeriodSeconds()
            + " s grace period; "
            + f.spans().delivered()
            + "/"
            + f.spans().sent()
            + " spans delivered after the restart");
    section("2. Graceful stop (SIGTERM) with data queued");
    md.append("The backend answered each export after half the exporter timeout, so exports were")
        .append(" in flight and data queued; preStop sleep of ")
        .append(f.preStopSeconds())
        .append(" s, then SIGTERM with ")
        .append(f.queuedAtSigterm())
        .append(" ")
        .append(f.queueUnit())
        .append(" queued.\n\n")
        .append("| figure | value |\n| --- | ---: |\n")
        .append("| shutdown after SIGTERM | ")
        .append(f.drainSeconds())
        .append(" s |\n| preStop + shutdown | ")
        .append(round(f.preStopSeconds() + f.drainSeconds()))
        .append(" s |\n| terminationGracePeriodSeconds | ")
        .append(f.gracePeriodSeconds())
        .append(" s |\n| spans delivered after restart | ")
        .append(f.spans().delivered())
        .append(" / ")
        .append(f.spans().sent())
        .append(" (")
        .append(f.spans().duplicates())
        .append(" duplicates) |\n");
  }

  /** Scenario 5. */
  void logs(LogTailing.Figures f) {
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Object> written = new LinkedHashMap<>();
    f.written().forEach((k, v) -> written.put(k.name(), v));
    s.put("written", written);
    s.put("droppedByRule", f.droppedByRule());
    s.put("wronglyDelivered", f.wronglyDelivered());
    s.put("expectedKept", f.expectedKept());
    s.put("lost", f.lost());
    s.put("duplicates", f.duplicates());
    json.put("logs", s);
    summary(
        "The logs agent neither duplicates nor loses lines across restarts",
        f.lost()
            + " lost, "
            + f.duplicates()
            + " duplicates of "
            + f.expectedKept()
            + " lines to keep; "
            + f.droppedByRule().values().stream().mapToInt(Integer::intValue).sum()
            + " dropped by rule, "
            + f.wronglyDelivered()
            + " that a rule should have dropped");
    section("5. Logs agent across a restart");
    int total = f.written().values().stream().mapToInt(Integer::intValue).sum();
    md.append(total)
        .append(" lines in the `/var/log/pods` layout (JSON, plain, health checks, `/metrics`, ")
        .append("DEBUG); the agent stopped with SIGTERM while reading and started again while the ")
        .append("files kept growing.\n\n| figure | lines |\n| --- | ---: |\n");
    f.droppedByRule()
        .forEach(
            (rule, n) ->
                md.append("| dropped: ").append(rule).append(" | ").append(n).append(" |\n"));
    md.append("| dropped lines that arrived anyway | ")
        .append(f.wronglyDelivered())
        .append(" |\n| lines to keep | ")
        .append(f.expectedKept())
        .append(" |\n| **lost** | ")
        .append(f.lost())
        .append(" |\n| **duplicates** | ")
        .append(f.duplicates())
        .append(" |\n");
  }
}

package io.otelstack.proof;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one proof run: the delivery claims ({@link DeliveryReport}), then sampling,
 * cardinality and throughput, and free-text findings.
 */
final class ProofReport extends DeliveryReport {
  /** Starts a report for an environment, dated and naming the machine it ran on. */
  ProofReport(String environment, String date, String machine, String collector) {
    super(environment, date, machine, collector);
  }

  /** Scenario 3. */
  void sampling(Sampling.Figures f) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("configuredPercentage", f.configuredPercentage());
    s.put("slowThresholdMs", f.slowThresholdMs());
    s.put("fastOk", kept(f.fastOk()));
    s.put("errors", kept(f.errors()));
    s.put("slow", kept(f.slow()));
    s.put("okDeviationPoints", round(f.okDeviationPoints()));
    s.put("incompleteKeptTraces", f.incompleteKeptTraces());
    s.put("spansSent", f.spansSent());
    s.put("spansDelivered", f.spansDelivered());
    s.put("volumeReduction", round(f.volumeReduction()));
    json.put("sampling", s);
    summary(
        "Every error and every slow trace kept, the rest at the sampled share (so about 90% less"
            + " trace volume when 2% of traces are errors or slow)",
        "errors "
            + percent(f.errors().fraction())
            + ", slow "
            + percent(f.slow().fraction())
            + ", fast OK "
            + percent(f.fastOk().fraction())
            + " (configured "
            + f.configuredPercentage()
            + " %), "
            + f.incompleteKeptTraces()
            + " incomplete kept traces; span volume "
            + percent(-f.volumeReduction())
            + " for "
            + f.errors().sent()
            + " error / "
            + f.slow().sent()
            + " slow / "
            + f.fastOk().sent()
            + " fast traces");
    section("3. Tail sampling across 2 replicas");
    md.append("Every trace's spans split across both replicas; the loadbalancing exporter routes ")
        .append("by trace ID to one sampling stage.\n\n")
        .append("| traces | sent | kept | kept % |\n| --- | ---: | ---: | ---: |\n");
    kept(md, "with an error", f.errors());
    kept(md, "slower than " + (long) f.slowThresholdMs() + " ms", f.slow());
    kept(md, "fast, all OK (configured " + f.configuredPercentage() + " %)", f.fastOk());
    md.append("\nKept traces missing a span: ")
        .append(f.incompleteKeptTraces())
        .append(". Span volume: ")
        .append(f.spansDelivered())
        .append(" of ")
        .append(f.spansSent())
        .append(" delivered, a **")
        .append(percent(f.volumeReduction()))
        .append(" reduction** for this mix.\n");
  }

  /** Scenario 4. */
  void cardinality(Cardinality.Figures f) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("seriesIn", f.seriesIn());
    s.put("seriesOut", f.seriesOut());
    s.put("reduction", round(f.reduction()));
    s.put("allowlistedFamilies", List.copyOf(f.allowlisted()));
    s.put("missingAllowlisted", List.copyOf(f.missing()));
    s.put("leakedHighCardinalityLabels", List.copyOf(f.leakedLabels()));
    json.put("cardinality", s);
    summary(
        "At least 90% less metric cardinality, every allowlisted family kept",
        f.seriesIn()
            + " → "
            + f.seriesOut()
            + " series ("
            + percent(-f.reduction())
            + "); allowlisted families present "
            + (f.allowlisted().size() - f.missing().size())
            + "/"
            + f.allowlisted().size());
    section("4. Metric cardinality");
    md.append("A synthetic service endpoint scraped through the Target Allocator's generated ")
        .append("jobs (relabel and metric relabel rules as generated).\n\n")
        .append("| figure | value |\n| --- | ---: |\n| series exposed | ")
        .append(f.seriesIn())
        .append(" |\n| series delivered (incl. `up` and `scrape_*`) | ")
        .append(f.seriesOut())
        .append(" |\n| reduction | **")
        .append(percent(f.reduction()))
        .append("** |\n| allowlisted families present | ")
        .append(f.allowlisted().size() - f.missing().size())
        .append(" / ")
        .append(f.allowlisted().size())
        .append(" |\n| `pod_ip` / `instance_id` left | ")
        .append(f.leakedLabels().isEmpty() ? "none" : String.join(", ", f.leakedLabels()))
        .append(" |\n");
  }

  /** Scenario 6. */
  void throughput(Throughput.Figures f) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("sendSeconds", f.sendSeconds());
    s.put("persistent", f.persistent());
    s.put("inMemory", f.inMemory());
    s.put(
        "medianPersistentSpansPerSecond",
        round(Throughput.Figures.median(f.persistent(), Throughput.Round::spansPerSecond)));
    s.put(
        "medianInMemorySpansPerSecond",
        round(Throughput.Figures.median(f.inMemory(), Throughput.Round::spansPerSecond)));
    s.put("ratio", round(f.ratio()));
    json.put("throughput", s);
    summary(
        "Cost of the persistent queue (throughput, memory)",
        Math.round(Throughput.Figures.median(f.persistent(), Throughput.Round::spansPerSecond))
            + " spans/s persistent vs "
            + Math.round(Throughput.Figures.median(f.inMemory(), Throughput.Round::spansPerSecond))
            + " in memory (ratio "
            + round(f.ratio())
            + "); peak RSS "
            + Math.round(
                f.persistent().stream().mapToDouble(Throughput.Round::peakRssMib).max().orElse(0))
            + " vs "
            + Math.round(
                f.inMemory().stream().mapToDouble(Throughput.Round::peakRssMib).max().orElse(0))
            + " MiB");
    section("6. Throughput (benchmark, median of " + f.persistent().size() + " rounds)");
    md.append("Error traces (all kept) pushed as fast as the collector accepts them for ")
        .append(f.sendSeconds())
        .append(" s through otlp → load_balancing → sampling stage → coralogix; rate measured ")
        .append("at the sink after the decision wait.\n\n")
        .append("| queues | delivered spans/s | accepted spans/s | peak RSS (MiB) |\n")
        .append("| --- | ---: | ---: | ---: |\n");
    row("persistent (as generated)", f.persistent());
    row("in memory", f.inMemory());
    md.append("\nPersistent / in-memory: **").append(round(f.ratio())).append("**.\n");
  }

  void row(String name, List<Throughput.Round> rounds) {
    md.append("| ")
        .append(name)
        .append(" | ")
        .append(Math.round(Throughput.Figures.median(rounds, Throughput.Round::spansPerSecond)))
        .append(" | ")
        .append(Math.round(Throughput.Figures.median(rounds, Throughput.Round::acceptedPerSecond)))
        .append(" | ")
        .append(
            Math.round(rounds.stream().mapToDouble(Throughput.Round::peakRssMib).max().orElse(0)))
        .append(" |\n");
  }
}

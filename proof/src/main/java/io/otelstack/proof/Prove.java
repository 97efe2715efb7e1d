package io.otelstack.proof;

import io.otelstack.internal.HelmValues;
import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tools/prove}: runs every scenario at report size against the generated configuration and
 * writes {@code docs/proof/report.md}, {@code docs/proof/report.json} and the "Reliability and cost
 * figures" section of {@code docs/operations.md} ({@link #FIGURES}).
 *
 * <p>The JUnit tests run the same scenarios, smaller where that keeps {@code mvn verify} fast, and
 * hold the pass/fail assertions; this entry point only measures and reports.
 */
public final class Prove {
  /** The page that holds the figures section, relative to the project directory. */
  static final String FIGURES = "docs/operations.md";

  private static final String FIGURES_HEADING = "## Reliability and cost figures";

  private Prove() {}

  /** Runs the scenarios; the project directory comes from {@code -Dproject.basedir}. */
  public static void main(String[] args) {
    Path project = ExternalTools.projectDir();
    GeneratedStack stack = ProofStacks.underProof();
    String env = System.getProperty("proof.environment", "prod");
    String date = LocalDate.now(ZoneOffset.UTC).toString();
    ProofReport report = new ProofReport(env, date, machine(), collectorVersion(project));

    int n = 20_000;
    log("1/6 crash with the backend down, " + n + " per signal");
    report.crash(n, CrashRecovery.run(stack, n));
    int batches = stack.environment().queue().sizeBatches();
    log("1b/6 outage with more kept traces than queue batches");
    report.capacity(batches, QueueCapacity.run(stack, batches + 1_000));
    log("2/6 graceful stop");
    report.graceful(GracefulStop.run(stack, 4_000));
    log("3/6 sampling across two replicas");
    report.sampling(Sampling.run(stack, 5_000, 50, 50));
    log("4/6 cardinality");
    report.cardinality(Cardinality.run(stack));
    log("5/6 logs across a restart");
    report.logs(LogTailing.run(stack, 40_000));
    log("6/6 throughput, 3 rounds per variant");
    Throughput.Figures throughput = Throughput.run(stack, 3, 30);
    report.throughput(throughput);
    log("6/6 diagnostic: the sampled traces' queue with fsync");
    Throughput.Round fsynced =
        Throughput.round(stack, c -> withFsync(c, "file_storage/sampled"), 30);
    report.note(
        "Why the sampled traces' queue does not fsync",
        String.format(
            Locale.ROOT,
            "The tail sampler releases every kept trace as a request of its own. With an fsync"
                + " per request on the `coralogix/traces` queue as well, the same run delivered"
                + " %.0f spans/s, against %.0f spans/s as generated (its queue on the PVC without"
                + " fsync; the routing stage before the sampler keeps the fsync'd queue). Without"
                + " fsync a kill or OOM still loses nothing (scenario 1); a kernel crash or power"
                + " loss can drop the last seconds of sampled traces, which the sampler's"
                + " in-memory decision window already exposes to a node crash.",
            fsynced.spansPerSecond(),
            Throughput.Figures.median(throughput.persistent(), Throughput.Round::spansPerSecond)));

    log("7 scale-down with data queued, 3 runs per case");
    report.note("Scale-down with data queued", scaleDown(stack, 3));
    log("8 traces across a 2 to 3 scale-up, 5 runs");
    report.note("Traces across a scale event", scaleEvent(stack, 5));

    Path out = project.resolve("docs/proof");
    report.write(out);
    updateFigures(project.resolve(FIGURES), report.figuresSection());
    log("wrote " + out.resolve("report.md") + " and " + out.resolve("report.json"));
  }

  /**
   * Scenario 8, {@code runs} times per case: the backend still down at the scale-down, and back
   * after a 90 s outage (the exporters' retry backoff at its maximum) with the default preStop and
   * with prod's, which is sized to the drain. Medians.
   */
  static String scaleDown(GeneratedStack stack, int runs) {
    int traces = 600;
    Duration outage = Duration.ofSeconds(90);
    // The defaults (dev, staging) against prod's preStop, which is sized to the drain.
    GeneratedStack defaults = stack.withShutdown(10, 60);
    StringBuilder text =
        new StringBuilder(
            "Three replicas, "
                + traces * 5
                + " spans of error traces queued while the backend is down; the highest ordinal"
                + " is then removed (preStop, SIGTERM, no restart) and its directory attached"
                + " again at the end. Medians of "
                + runs
                + " runs.\n\n| case | preStop / grace (s) | queued in the removed replica"
                + " | queued at SIGTERM | drained after (s) | exit after SIGTERM (s) | stranded |"
                + " delivered after re-attaching |\n| --- | --- | ---: | ---: | ---: | ---: | ---:"
                + " | ---: |\n");
    for (String c :
        List.of(
            "backend still down",
            "backend back after 90 s",
            "backend back after 90 s, preStop sized to the drain (prod)")) {
      boolean up = !c.contains("down");
      GeneratedStack s = c.contains("sized") ? stack : defaults;
      List<ScaleDown.Figures> f = new java.util.ArrayList<>();
      for (int r = 0; r < runs; r++) {
        f.add(ScaleDown.run(s, traces, up ? outage : Duration.ZERO, up));
        log("  " + c + ": " + f.get(r));
      }
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %d / %d | %.0f | %.0f | %s | %.2f | %.0f | %.0f / %d |\n",
              c,
              f.get(0).preStopSeconds(),
              f.get(0).gracePeriodSeconds(),
              Throughput.Figures.median(f, ScaleDown.Figures::queuedAtPreStop),
              Throughput.Figures.median(f, ScaleDown.Figures::queuedAtSigterm),
              f.stream().allMatch(x -> x.drainSeconds() >= 0)
                  ? String.format(
                      Locale.ROOT,
                      "%.1f",
                      Throughput.Figures.median(f, ScaleDown.Figures::drainSeconds))
                  : "not within the preStop",
              Throughput.Figures.median(f, ScaleDown.Figures::exitSeconds),
              Throughput.Figures.median(f, ScaleDown.Figures::stranded),
              Throughput.Figures.median(f, x -> x.recovered().delivered()),
              traces * 5));
    }
    return text.toString();
  }

  /** Scenario 9, {@code runs} times, 20 s of load before the scale-up and 20 s after. Medians. */
  static String scaleEvent(GeneratedStack stack, int runs) {
    List<ScaleEvent.Figures> f = new java.util.ArrayList<>();
    for (int r = 0; r < runs; r++) {
      f.add(ScaleEvent.run(stack, Duration.ofSeconds(20), Duration.ofSeconds(20)));
      log("  scale event: " + f.get(r));
    }
    return String.format(
        Locale.ROOT,
        "2 to 3 replicas under load, each trace sent in two halves 1 s apart; medians of %d runs:"
            + " %.0f traces sent, %.0f kept, %.0f kept traces missing spans (%.2f %% of kept),"
            + " %.0f traces in flight across the change (runs: %s).",
        runs,
        Throughput.Figures.median(f, ScaleEvent.Figures::tracesSent),
        Throughput.Figures.median(f, ScaleEvent.Figures::keptTraces),
        Throughput.Figures.median(f, ScaleEvent.Figures::incompleteKeptTraces),
        Throughput.Figures.median(f, x -> x.incompleteShare() * 100),
        Throughput.Figures.median(f, ScaleEvent.Figures::tracesAcrossTheChange),
        f.stream().map(x -> x.incompleteKeptTraces() + "/" + x.tracesAcrossTheChange()).toList());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withFsync(Map<String, Object> config, String storage) {
    Map<String, Object> copy = HelmValues.merge(config, Map.of());
    ((Map<String, Object>) ((Map<String, Object>) copy.get("extensions")).get(storage))
        .put("fsync", true);
    return copy;
  }

  /** Replaces the figures section of {@code page}, or appends it when the page has none. */
  static void updateFigures(Path page, String section) {
    try {
      String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
      int start = text.indexOf(FIGURES_HEADING);
      String updated;
      if (start < 0) {
        updated = text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + section;
      } else {
        int end = text.indexOf("\n## ", start + FIGURES_HEADING.length());
        updated = text.substring(0, start) + section + (end < 0 ? "" : text.substring(end + 1));
      }
      Files.writeString(page, updated, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CPU model, cores, memory and kernel of this machine. */
  static String machine() {
    String cpu = "unknown CPU";
    long memKib = 0;
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          cpu = l.substring(l.indexOf(':') + 1).trim();
          break;
        }
      }
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          memKib = Long.parseLong(l.replaceAll("\\D", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.format(
        Locale.ROOT,
        "%s, %d cores, %d GiB RAM, %s %s",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        Math.round(memKib / 1024.0 / 1024.0),
        System.getProperty("os.name"),
        System.getProperty("os.version"));
  }

  private static String collectorVersion(Path project) {
    ExternalTools.Result r =
        ExternalTools.run(project, Map.of(), 15, CollectorCommand.binary().toString(), "--version");
    return r.stdout().trim();
  }

  private static void log(String line) {
    System.out.println("prove: " + line);
  }
}

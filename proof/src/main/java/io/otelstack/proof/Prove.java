package io.otelstack.proof;

import io.otelstack.internal.HelmValues;
import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tools/prove}: runs every scenario at report size against the generated configuration and
 * writes {@code docs/proof/report.md}, {@code docs/proof/report.json} and the README's "Reliability
 * and cost figures" section.
 *
 * <p>The JUnit tests run the same scenarios, smaller where that keeps {@code mvn verify} fast, and
 * hold the pass/fail assertions; this entry point only measures and reports.
 */
public final class Prove {
  private static final String README_HEADING = "## Reliability and cost figures";

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

    Path out = project.resolve("docs/proof");
    report.write(out);
    updateReadme(project.resolve("README.md"), report.readmeSection());
    log("wrote " + out.resolve("report.md") + " and " + out.resolve("report.json"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withFsync(Map<String, Object> config, String storage) {
    Map<String, Object> copy = HelmValues.merge(config, Map.of());
    ((Map<String, Object>) ((Map<String, Object>) copy.get("extensions")).get(storage))
        .put("fsync", true);
    return copy;
  }

  /** Replaces the README section, or appends it when the README has none. */
  static void updateReadme(Path readme, String section) {
    try {
      String text = Files.exists(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
      int start = text.indexOf(README_HEADING);
      String updated;
      if (start < 0) {
        updated = text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + section;
      } else {
        int end = text.indexOf("\n## ", start + README_HEADING.length());
        updated = text.substring(0, start) + section + (end < 0 ? "" : text.substring(end + 1));
      }
      Files.writeString(readme, updated, StandardCharsets.UTF_8);
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

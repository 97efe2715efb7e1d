package io.otelstack.proof;

import io.otelstack.config.LogsSettings;
import io.otelstack.constructs.logs.LogSeverity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 5, the logs agent from its first start and across restarts: synthetic pod log files
 * (JSON and plain lines, health checks, scrapes of {@code /metrics}, debug lines) are tailed by the
 * DaemonSet's generated configuration. The files already hold a fifth of the lines when the agent
 * first starts, as on a node it is rolled out to, and it must read them from their first line
 * ({@code start_at: beginning}, no checkpoints yet). The agent is then stopped with {@code SIGTERM}
 * while it is reading, more lines are written while it is down, and it is started again: it must
 * resume each file from its checkpoint in the middle of the file, neither re-sending nor skipping a
 * line.
 */
final class LogTailing {
  private static final List<PodLogs.Kind> MIX = List.of(PodLogs.Kind.values());
  private static final Duration SETTLE = Duration.ofSeconds(8);
  private static final Duration DELIVERY = Duration.ofMinutes(3);
  private static final int FILES = 6;

  private LogTailing() {}

  /**
   * The scenario's figures.
   *
   * @param written lines written, by kind
   * @param droppedByRule lines removed, by the rule that should remove them
   * @param wronglyDelivered lines a rule should have removed that reached the sink
   * @param expectedKept lines no rule removes
   * @param lost expected lines that never reached the sink
   * @param duplicates extra copies of lines at the sink
   */
  record Figures(
      Map<PodLogs.Kind, Integer> written,
      Map<String, Integer> droppedByRule,
      int wronglyDelivered,
      int expectedKept,
      int lost,
      int duplicates) {}

  /** Which rule of the environment removes a line of this kind, if any. */
  static Optional<String> dropRule(PodLogs.Kind kind, LogsSettings logs) {
    boolean belowThreshold =
        switch (kind) {
          case JSON_DEBUG ->
              logs.parseJson() && logs.severityThreshold().compareTo(LogSeverity.DEBUG) > 0;
          case JSON_INFO ->
              logs.parseJson() && logs.severityThreshold().compareTo(LogSeverity.INFO) > 0;
          case JSON_WARN ->
              logs.parseJson() && logs.severityThreshold().compareTo(LogSeverity.WARN) > 0;
          default -> false;
        };
    return switch (kind) {
      case HEALTH, READY -> Optional.of("health and readiness checks");
      case METRICS_SCRAPE ->
          logs.excludeEndpoints().contains("/metrics")
              ? Optional.of("excluded endpoints")
              : Optional.empty();
      case PLAIN_DEBUG -> logs.dropDebug() ? Optional.of("unparsed DEBUG lines") : Optional.empty();
      default -> belowThreshold ? Optional.of("below the severity threshold") : Optional.empty();
    };
  }

  /** Runs the scenario with {@code lines} lines in total. */
  static Figures run(GeneratedStack stack, int lines) {
    Path work = LocalCollectors.tempDir("logs");
    PodLogs podLogs = new PodLogs(work.resolve("pods"));
    List<Path> files = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      files.add(podLogs.file("shop", "checkout-" + f, "app"));
    }
    List<PodLogs.Line> all = PodLogs.lines(0, lines, MIX);
    try (OtlpSink sink = new OtlpSink().start();
        LocalCollectors ds = LocalCollectors.daemonSet(stack, work, sink, podLogs.root(), null)) {
      int backlog = lines * 2 / 10;
      int first = lines * 4 / 10;
      int second = lines * 7 / 10;
      // First rollout: the node's files already hold lines, which start_at: beginning reads.
      write(files, all.subList(0, backlog));
      ds.start(0);
      write(files, all.subList(backlog, first));
      // Stop while the agent is still working through the first part.
      Await.sleep(Duration.ofMillis(300));
      ds.process(0).terminate(Duration.ofSeconds(60));
      write(files, all.subList(first, second));
      ds.start(0);
      write(files, all.subList(second, lines));
      Await.settle(SETTLE, DELIVERY, () -> sink.logs().size());

      Map<Long, Integer> arrivals = new HashMap<>();
      sink.logs()
          .forEach(l -> PodLogs.id(l.body()).ifPresent(id -> arrivals.merge(id, 1, Integer::sum)));
      Map<PodLogs.Kind, Integer> written = new EnumMap<>(PodLogs.Kind.class);
      Map<String, Integer> dropped = new java.util.TreeMap<>();
      int wrongly = 0;
      int kept = 0;
      int lost = 0;
      int duplicates = 0;
      LogsSettings settings = stack.environment().logs();
      for (PodLogs.Line l : all) {
        written.merge(l.kind(), 1, Integer::sum);
        int n = arrivals.getOrDefault(l.id(), 0);
        duplicates += Math.max(0, n - 1);
        Optional<String> rule = dropRule(l.kind(), settings);
        if (rule.isPresent()) {
          if (n == 0) {
            dropped.merge(rule.get(), 1, Integer::sum);
          } else {
            wrongly++;
          }
        } else {
          kept++;
          if (n == 0) {
            lost++;
          }
        }
      }
      return new Figures(written, dropped, wrongly, kept, lost, duplicates);
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  /** Appends lines round-robin across the files, in chunks, as running containers would. */
  private static void write(List<Path> files, List<PodLogs.Line> lines) {
    int chunk = 100;
    for (int from = 0; from < lines.size(); from += chunk) {
      PodLogs.append(
          files.get((from / chunk) % files.size()),
          lines.subList(from, Math.min(lines.size(), from + chunk)));
    }
  }
}

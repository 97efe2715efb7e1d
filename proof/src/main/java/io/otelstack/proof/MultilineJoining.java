package io.otelstack.proof;

import io.otelstack.collector.MultilinePreset;
import io.otelstack.collector.MultilineRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario: the logs agent joins stack traces into one record per trace, with the generated
 * configuration of an environment that adds two {@code logs.multiline} rules: the Java preset for
 * namespace {@code shop} and the Python preset for namespace {@code ml}.
 *
 * <p>Each container writes bursts of single-line records (which must stay one record each) between
 * stack traces: Java ones of 40 lines (a logger line, the exception, 36 frames, a {@code Caused
 * by:}, {@code ... 12 more}) and Python tracebacks of 8 lines. The agent is stopped with {@code
 * SIGTERM} in the middle and started again while the files grow, and must neither lose nor repeat a
 * record, nor split one.
 */
final class MultilineJoining {
  static final int JAVA_LINES = 40;
  static final int PYTHON_LINES = 8;
  private static final Duration SETTLE = Duration.ofSeconds(12);
  private static final Duration DELIVERY = Duration.ofMinutes(3);

  private MultilineJoining() {}

  /** The rules the scenario adds to the environment. */
  static List<MultilineRule> rules() {
    return List.of(
        new MultilineRule("shop", null, MultilinePreset.JAVA, null, null, null, null),
        new MultilineRule("ml", "worker", MultilinePreset.PYTHON, null, null, null, null));
  }

  /**
   * The scenario's figures.
   *
   * @param javaTraces Java stack traces written
   * @param pythonTraces Python tracebacks written
   * @param singleLines single-line records written
   * @param recordsReceived records at the sink
   * @param traceRecordsWithAllLines traces that arrived as one record holding every line of theirs
   * @param singleLinesAlone single lines that arrived as a record of one line
   * @param lost records written that never arrived
   * @param duplicates extra copies of records
   * @param split records holding part of a trace, or more than one written record
   */
  record Figures(
      int javaTraces,
      int pythonTraces,
      int singleLines,
      int recordsReceived,
      int traceRecordsWithAllLines,
      int singleLinesAlone,
      int lost,
      int duplicates,
      int split) {}

  /** One written record: its ID and how many lines it has. */
  private record Written(long id, int lines) {}

  /** Runs the scenario with {@code rounds} rounds of writing per container. */
  static Figures run(GeneratedStack stack, int rounds) {
    GeneratedStack withRules = stack.withMultiline(rules());
    Path work = LocalCollectors.tempDir("multiline");
    PodLogs podLogs = new PodLogs(work.resolve("pods"));
    Path java = podLogs.file("shop", "checkout-0", "app");
    Path python = podLogs.file("ml", "trainer-0", "worker");
    List<Written> written = new ArrayList<>();
    long[] next = {1};
    try (OtlpSink sink = new OtlpSink().start();
        LocalCollectors ds =
            LocalCollectors.daemonSet(withRules, work, sink, podLogs.root(), null)) {
      int restartAt = rounds / 2;
      for (int r = 0; r < rounds; r++) {
        if (r == 1) {
          ds.start(0);
        }
        if (r == restartAt) {
          // Stop in the middle: with traces written and not all of them read yet.
          ds.process(0).terminate(Duration.ofSeconds(60));
        }
        if (r == restartAt + 1) {
          ds.start(0);
        }
        writeRound(java, python, written, next);
        Await.sleep(Duration.ofMillis(200));
      }
      Await.settle(SETTLE, DELIVERY, () -> sink.logs().size());
      return figures(written, sink.logs());
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  /** One round: a burst of single lines and one trace in each container. */
  private static void writeRound(Path java, Path python, List<Written> written, long[] next) {
    for (Path file : List.of(java, python)) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long id = next[0]++;
        lines.add("2026-12-06T23:00:00Z INFO order " + id + " shipped proof_id=" + id);
        written.add(new Written(id, 1));
      }
      long id = next[0]++;
      List<String> trace = file == java ? javaTrace(id) : pythonTrace(id);
      lines.addAll(trace);
      written.add(new Written(id, trace.size()));
      PodLogs.appendText(file, lines);
    }
  }

  static List<String> javaTrace(long id) {
    List<String> l = new ArrayList<>();
    l.add("2026-12-06T23:00:00Z ERROR [main] c.e.Checkout - payment failed proof_id=" + id);
    l.add("java.lang.IllegalStateException: payment gateway refused order " + id);
    for (int f = 0; f < 36; f++) {
      l.add("\tat com.example.checkout.Step" + f + ".run(Step" + f + ".java:" + (10 + f) + ")");
    }
    l.add("Caused by: java.io.IOException: connection reset");
    l.add("\t... 12 more");
    return l;
  }

  static List<String> pythonTrace(long id) {
    return List.of(
        "2026-12-06 23:00:00,000 ERROR trainer: step failed proof_id=" + id,
        "Traceback (most recent call last):",
        "  File \"/app/train.py\", line 42, in step",
        "    loss = model(batch)",
        "  File \"/app/model.py\", line 7, in __call__",
        "    raise ValueError(\"nan loss\")",
        "ValueError: nan loss",
        "  note: batch " + id);
  }

  private static Figures figures(List<Written> written, List<OtlpSink.ReceivedLog> received) {
    Map<Long, Integer> arrivals = new HashMap<>();
    Map<Long, Integer> linesById = new HashMap<>();
    int split = 0;
    for (OtlpSink.ReceivedLog r : received) {
      var ids = PodLogs.ids(r.body());
      if (ids.size() != 1) {
        split++;
        continue;
      }
      long id = ids.get(0);
      arrivals.merge(id, 1, Integer::sum);
      linesById.put(id, r.body().split("\n", -1).length);
    }
    int javaTraces = 0;
    int pythonTraces = 0;
    int singles = 0;
    int tracesWhole = 0;
    int singlesAlone = 0;
    int lost = 0;
    int duplicates = 0;
    for (Written w : written) {
      int n = arrivals.getOrDefault(w.id(), 0);
      lost += n == 0 ? 1 : 0;
      duplicates += Math.max(0, n - 1);
      boolean whole = n > 0 && linesById.get(w.id()) == w.lines();
      if (w.lines() == 1) {
        singles++;
        singlesAlone += whole ? 1 : 0;
      } else {
        javaTraces += w.lines() == JAVA_LINES ? 1 : 0;
        pythonTraces += w.lines() == PYTHON_LINES ? 1 : 0;
        tracesWhole += whole ? 1 : 0;
        split += n > 0 && !whole ? 1 : 0;
      }
    }
    return new Figures(
        javaTraces,
        pythonTraces,
        singles,
        received.size(),
        tracesWhole,
        singlesAlone,
        lost,
        duplicates,
        split);
  }
}

package io.otelstack.proof;

import io.otelstack.internal.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real collector process running a configuration: started, checked for readiness through its
 * health_check extension, and stopped the two ways Kubernetes stops a pod: {@code SIGKILL} ({@code
 * kill -9}, an OOM kill or a node loss) and {@code SIGTERM} (a rolling update).
 *
 * <p>Always used in try-with-resources: {@link #close()} kills the process if it still runs.
 */
final class CollectorProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path file;
  private final Path log;
  private final int healthPort;

  private CollectorProcess(String name, Process process, Path file, Path log, int healthPort) {
    this.name = name;
    this.process = process;
    this.file = file;
    this.log = log;
    this.healthPort = healthPort;
  }

  /**
   * Writes the configuration to {@code workDir/<name>.yaml} and starts the collector on it.
   *
   * @param healthPort the loopback port of the health_check extension, from the overlay
   */
  static CollectorProcess start(
      String name,
      Map<String, Object> config,
      Map<String, String> env,
      Path workDir,
      int healthPort) {
    try {
      Path file = workDir.resolve(name + ".yaml");
      Files.writeString(file, Yaml.render(config), StandardCharsets.UTF_8);
      Path log = workDir.resolve(name + ".log");
      ProcessBuilder pb =
          new ProcessBuilder(List.of(CollectorCommand.binary().toString(), "--config=file:" + file))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(env);
      return new CollectorProcess(name, pb.start(), file, log, healthPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the health_check extension answers 200, i.e. every pipeline has started. */
  CollectorProcess awaitReady(Duration timeout) {
    Await.until(
        timeout,
        name + " to report healthy on 127.0.0.1:" + healthPort + "; log:\n" + tail(),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
          }
          return healthy();
        });
    return this;
  }

  private boolean healthy() {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create("http://" + Loopback.endpoint(healthPort) + "/"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The process ID, as {@code kill} would use it. */
  long pid() {
    return process.pid();
  }

  /**
   * Rewrites the configuration file and sends {@code SIGHUP}: the collector shuts its pipelines
   * down and starts them again on the new configuration, in the same process.
   */
  void reload(Map<String, Object> config) {
    try {
      Files.writeString(file, Yaml.render(config), StandardCharsets.UTF_8);
      Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid())).start();
      if (kill.waitFor() != 0) {
        throw new AssertionError("kill -HUP " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Whether the process still runs. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit status once the process has ended: 0 for a clean shutdown. */
  int exitCode() {
    return process.exitValue();
  }

  /** {@code kill -9}: no shutdown hooks, no flushing; whatever is only in memory is gone. */
  void kill9() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /**
   * {@code kill -TERM} and wait for the collector to shut down by itself.
   *
   * @return how long the shutdown took
   */
  Duration terminate(Duration timeout) {
    long start = System.nanoTime();
    process.destroy();
    awaitExit(timeout);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(name + " did not exit within " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Peak resident memory so far in KiB ({@code VmHWM} in {@code /proc/<pid>/status}); read while
   * the process runs.
   */
  long peakRssKib() {
    return status("VmHWM:");
  }

  /**
   * Resident memory now in KiB ({@code VmRSS}): heap, stacks and the mapped pages of the queue
   * files, which the kubelet counts in the working set the HPA reads too.
   */
  long rssKib() {
    return status("VmRSS:");
  }

  /** CPU time used so far, user plus system, in seconds ({@code /proc/<pid>/stat}). */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime and stime are fields 14 and 15, in clock ticks of 1/100 s on Linux.
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
      throw new AssertionError("no " + field + " in /proc/" + pid() + "/status");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines the collector logged, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

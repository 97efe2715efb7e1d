package io.otelstack.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelstack.internal.Yaml;
import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, unpacked by {@code
 * tools/prometheus/install.sh}) on 127.0.0.1, scraping loopback targets every second and answering
 * PromQL through its HTTP query API: how the proof evaluates the alerts' queries.
 *
 * <p>Each target gets static labels standing in for what Coralogix attaches to the collectors' self
 * metrics ({@code cx_application_name}, {@code service_name}, {@code k8s_pod_name}, {@code
 * k8s_node_name}); nothing else is added.
 */
final class PrometheusServer implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One scrape target.
   *
   * @param job the scrape job name
   * @param address {@code 127.0.0.1:port} serving {@code /metrics}
   * @param labels static labels on every series of the target
   */
  record Target(String job, String address, Map<String, String> labels) {}

  private final int port = Loopback.freePort();
  private final Process process;
  private final Path log;

  /** Starts Prometheus scraping {@code targets}, with its data under {@code workDir}. */
  PrometheusServer(Path workDir, List<Target> targets) {
    Path binary = binary();
    try {
      Path config = workDir.resolve("prometheus.yml");
      Files.writeString(config, Yaml.render(config(targets)), StandardCharsets.UTF_8);
      log = workDir.resolve("prometheus.log");
      process =
          new ProcessBuilder(
                  binary.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + workDir.resolve("prometheus-data"),
                  "--web.listen-address=" + Loopback.endpoint(port),
                  "--log.level=warn")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Await.until(
        Duration.ofMinutes(1),
        "Prometheus to be ready on " + Loopback.endpoint(port),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError("Prometheus exited: " + tail());
          }
          return get("/-/ready") != null;
        });
  }

  private static Map<String, Object> config(List<Target> targets) {
    Map<String, Object> global = new LinkedHashMap<>();
    global.put("scrape_interval", "1s");
    global.put("scrape_timeout", "1s");
    List<Object> jobs = new ArrayList<>();
    for (Target t : targets) {
      Map<String, Object> job = new LinkedHashMap<>();
      job.put("job_name", t.job());
      job.put(
          "static_configs", List.of(Map.of("targets", List.of(t.address()), "labels", t.labels())));
      jobs.add(job);
    }
    return Map.of("global", global, "scrape_configs", jobs);
  }

  /**
   * The server binary, installed on first use; skips (under {@code CI=true} fails) if it cannot.
   */
  private static Path binary() {
    Path script = ExternalTools.projectDir().resolve("tools/prometheus/install.sh");
    ExternalTools.Result r =
        ExternalTools.run(ExternalTools.projectDir(), Map.of(), 10, "bash", script.toString());
    if (r.exitCode() != 0) {
      String reason = "tools/prometheus/install.sh could not provide Prometheus: " + r.stderr();
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(reason + " (CI=true, so this is a failure, not a skip)");
      }
      Assumptions.abort(reason);
    }
    return Path.of(r.stdout().strip());
  }

  /** The instant-query result of {@code promql}: one element per series. */
  List<JsonNode> query(String promql) {
    String body = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    try {
      JsonNode response = JSON.readTree(body);
      if (!"success".equals(response.path("status").asText())) {
        throw new AssertionError("Prometheus rejected " + promql + ": " + body);
      }
      List<JsonNode> series = new ArrayList<>();
      response.path("data").path("result").forEach(series::add);
      return series;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code promql} returns at least one series now. */
  boolean returnsSeries(String promql) {
    return !query(promql).isEmpty();
  }

  private String get(String path) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://" + Loopback.endpoint(port) + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 || r.statusCode() == 400 || r.statusCode() == 422
          ? r.body()
          : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

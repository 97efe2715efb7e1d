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
 * tools/prometheus/install.sh}) on 127.0.0.1, standing in for Coralogix's PromQL engine: it scrapes
 * loopback targets every second, honouring the samples' own timestamps, adds no label of its own to
 * them, evaluates alerting rules every second, and answers PromQL and the state of each alert
 * through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One scrape target; its series keep exactly the labels it serves ({@code job} and {@code
   * instance} are not added).
   *
   * @param job the scrape job name
   * @param address {@code 127.0.0.1:port} serving {@code /metrics}
   */
  record Target(String job, String address) {}

  /**
   * One alerting rule.
   *
   * @param name the alert's name
   * @param expr returns a series exactly when the condition holds
   * @param pendingFor how long the condition must hold before the alert fires ({@code for})
   * @param keepFiringFor how long the alert keeps firing once the condition stops
   */
  record AlertRule(String name, String expr, Duration pendingFor, Duration keepFiringFor) {}

  /**
   * One active alert.
   *
   * @param name the alert's name
   * @param firing true when firing, false when pending
   * @param labels its labels, {@code alertname} included
   */
  record ActiveAlert(String name, boolean firing, Map<String, String> labels) {}

  private final int port = Loopback.freePort();
  private final Process process;
  private final Path log;

  /**
   * Starts Prometheus scraping {@code targets} and evaluating {@code rules}, with its data under
   * {@code workDir}.
   *
   * @param lookbackDelta how far back an instant query looks for a series' latest sample
   */
  PrometheusServer(
      Path workDir, List<Target> targets, List<AlertRule> rules, Duration lookbackDelta) {
    Path binary = binary();
    try {
      Path config = workDir.resolve("prometheus.yml");
      Path ruleFile = workDir.resolve("alerts.yml");
      Files.writeString(ruleFile, Yaml.render(rules(rules)), StandardCharsets.UTF_8);
      Files.writeString(config, Yaml.render(config(targets, ruleFile)), StandardCharsets.UTF_8);
      log = workDir.resolve("prometheus.log");
      process =
          new ProcessBuilder(
                  binary.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + workDir.resolve("prometheus-data"),
                  "--web.listen-address=" + Loopback.endpoint(port),
                  "--query.lookback-delta=" + lookbackDelta.toMillis() + "ms",
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

  private static Map<String, Object> config(List<Target> targets, Path ruleFile) {
    Map<String, Object> global = new LinkedHashMap<>();
    global.put("scrape_interval", "1s");
    global.put("scrape_timeout", "1s");
    global.put("evaluation_interval", "1s");
    List<Object> jobs = new ArrayList<>();
    for (Target t : targets) {
      Map<String, Object> job = new LinkedHashMap<>();
      job.put("job_name", t.job());
      job.put("honor_labels", true);
      job.put("static_configs", List.of(Map.of("targets", List.of(t.address()))));
      // The target's own series only: no job or instance label of Prometheus' making.
      job.put(
          "metric_relabel_configs",
          List.of(Map.of("action", "labeldrop", "regex", "job|instance")));
      jobs.add(job);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("global", global);
    config.put("rule_files", List.of(ruleFile.toString()));
    config.put("scrape_configs", jobs);
    return config;
  }

  private static Map<String, Object> rules(List<AlertRule> rules) {
    List<Object> out = new ArrayList<>();
    for (AlertRule r : rules) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("alert", r.name());
      rule.put("expr", r.expr());
      rule.put("for", r.pendingFor().toMillis() + "ms");
      rule.put("keep_firing_for", r.keepFiringFor().toMillis() + "ms");
      out.add(rule);
    }
    return Map.of("groups", List.of(Map.of("name", "alerts", "interval", "1s", "rules", out)));
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

  /** The alerts pending or firing now. */
  List<ActiveAlert> alerts() {
    String body = get("/api/v1/alerts");
    if (body == null) {
      throw new AssertionError("Prometheus did not answer /api/v1/alerts");
    }
    try {
      List<ActiveAlert> out = new ArrayList<>();
      for (JsonNode a : JSON.readTree(body).path("data").path("alerts")) {
        Map<String, String> labels = new LinkedHashMap<>();
        a.path("labels")
            .fields()
            .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        out.add(
            new ActiveAlert(
                labels.get("alertname"), "firing".equals(a.path("state").asText()), labels));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last scrape error of each target that has one, e.g. a stand-in serving bad text. */
  List<String> scrapeErrors() {
    try {
      List<String> out = new ArrayList<>();
      for (JsonNode t : JSON.readTree(get("/api/v1/targets")).path("data").path("activeTargets")) {
        if (!t.path("lastError").asText().isEmpty()) {
          out.add(t.path("scrapeUrl").asText() + ": " + t.path("lastError").asText());
        }
      }
      return out;
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

package io.otelstack.proof;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a running collector's own metrics (its Prometheus telemetry endpoint): how the harness
 * knows what a collector has accepted and queued before it kills it.
 */
final class SelfMetrics {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private SelfMetrics() {}

  /**
   * The sum over all series of a metric, e.g. {@code otelcol_receiver_accepted_log_records} (the
   * {@code _total} suffix is optional); 0 when absent or unreachable.
   */
  static double sum(String endpoint, String metric) {
    return sum(endpoint, metric, "");
  }

  /**
   * The sum over the series of a metric whose labels contain {@code label}, e.g. {@code
   * exporter="coralogix/traces"}.
   */
  static double sum(String endpoint, String metric, String label) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create("http://" + endpoint + "/metrics"))
              .timeout(Duration.ofSeconds(5))
              .build();
      String body = HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body();
      double total = 0;
      for (String line : body.split("\n")) {
        if (line.startsWith("#")) {
          continue;
        }
        String name = line.split("[{ ]", 2)[0];
        if ((name.equals(metric) || name.equals(metric + "_total")) && line.contains(label)) {
          total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return total;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}

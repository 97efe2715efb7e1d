package io.otelstack.proof;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A synthetic service's Prometheus {@code /metrics} on 127.0.0.1, shaped like a real one: Go
 * runtime and process metrics, {@code http_requests_total} and a request duration histogram, plus
 * the kind of metrics and labels that blow up cardinality: per-key cache gauges, per-session and
 * per-peer series labelled with {@code instance_id} and {@code pod_ip}, a per-query histogram.
 *
 * <p>The series set is fixed; values grow with every scrape.
 */
final class PrometheusEndpoint implements AutoCloseable {
  private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
  private static final String SELF = "pod_ip=\"10.1.2.3\",instance_id=\"i-0a1b2c3d\"";

  private final HttpServer server;
  private final AtomicLong scrapes = new AtomicLong();
  private final List<String> families = new ArrayList<>();
  private int series;

  /** Starts serving on a free loopback port. */
  PrometheusEndpoint() {
    series = render(0).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList().size();
    server = serve(() -> render(scrapes.incrementAndGet()));
  }

  /**
   * Serves {@code body()} as Prometheus text format at {@code /metrics} on a free loopback port.
   */
  static HttpServer serve(Supplier<String> body) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(Loopback.HOST, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server;
  }

  /** {@code 127.0.0.1:port}. */
  String address() {
    return Loopback.endpoint(server.getAddress().getPort());
  }

  /** How many times it was scraped. */
  long scrapes() {
    return scrapes.get();
  }

  /** Distinct series exposed per scrape, counted as Prometheus counts them. */
  int series() {
    return series;
  }

  /** Every metric family name exposed, in order. */
  List<String> families() {
    return List.copyOf(families);
  }

  private String render(long n) {
    StringBuilder b = new StringBuilder();
    Set<String> seen = new LinkedHashSet<>();
    Exposition e = new Exposition(b, seen);
    e.gauge("go_goroutines", "", 40 + n % 7);
    e.gauge("go_threads", "", 12);
    e.gauge("go_memstats_alloc_bytes", "", 4_000_000 + n * 1000);
    e.gauge("go_memstats_heap_objects", "", 30_000 + n);
    e.gauge("go_info", "version=\"go1.24.4\"", 1);
    e.summary("go_gc_duration_seconds", n);
    e.counter("process_cpu_seconds_total", "", 12.5 + n);
    e.gauge("process_resident_memory_bytes", "", 48_000_000);
    e.gauge("process_open_fds", "", 21);
    String[] methods = {"GET", "POST", "DELETE"};
    String[] codes = {"200", "404", "500", "503"};
    String[] handlers = {"/api/orders", "/api/cart", "/api/users", "/api/search"};
    for (String m : methods) {
      for (String c : codes) {
        for (String h : handlers) {
          e.counter(
              "http_requests_total",
              "method=\""
                  + m
                  + "\",code=\""
                  + c
                  + "\",handler=\""
                  + h
                  + "\",service=\"checkout\","
                  + SELF,
              n * 3 + 1);
        }
      }
    }
    for (String h : handlers) {
      e.histogram(
          "http_request_duration_seconds", "handler=\"" + h + "\",service=\"checkout\"," + SELF, n);
    }
    for (int k = 0; k < 400; k++) {
      e.gauge("cache_entry_bytes", "key=\"product:" + k + "\"", 512 + k);
    }
    for (int s = 0; s < 400; s++) {
      e.gauge("user_session_active", "instance_id=\"sess-" + s + "\"", 1);
    }
    for (int p = 0; p < 200; p++) {
      for (String m : methods) {
        e.counter(
            "rpc_client_calls_total",
            "pod_ip=\"10.2." + (p / 250) + "." + (p % 250) + "\",method=\"" + m + "\"",
            n + p);
      }
    }
    for (int q = 0; q < 40; q++) {
      e.histogram("db_query_duration_seconds", "query=\"q" + q + "\"", n);
    }
    if (families.isEmpty()) {
      families.addAll(seen);
    }
    return b.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Writes the text exposition format, one family header per metric name. */
  private record Exposition(StringBuilder b, Set<String> seen) {
    void header(String name, String type) {
      if (seen.add(name)) {
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
      }
    }

    void sample(String name, String labels, double value) {
      b.append(name);
      if (!labels.isEmpty()) {
        b.append('{').append(labels).append('}');
      }
      b.append(' ').append(value).append('\n');
    }

    void gauge(String name, String labels, double value) {
      header(name, "gauge");
      sample(name, labels, value);
    }

    void counter(String name, String labels, double value) {
      header(name, "counter");
      sample(name, labels, value);
    }

    void summary(String name, long n) {
      header(name, "summary");
      for (String q : new String[] {"0", "0.25", "0.5", "0.75", "1"}) {
        sample(name, "quantile=\"" + q + "\"", 0.001 * (1 + Double.parseDouble(q)));
      }
      sample(name + "_sum", "", 0.5 + n);
      sample(name + "_count", "", 100 + n);
    }

    void histogram(String name, String labels, long n) {
      header(name, "histogram");
      String sep = labels.isEmpty() ? "" : labels + ",";
      long cumulative = 0;
      for (double le : BUCKETS) {
        cumulative += n + 1;
        sample(name + "_bucket", sep + "le=\"" + le + "\"", cumulative);
      }
      sample(name + "_bucket", sep + "le=\"+Inf\"", cumulative + 1);
      sample(name + "_sum", labels, 0.2 * cumulative);
      sample(name + "_count", labels, cumulative + 1);
    }
  }
}

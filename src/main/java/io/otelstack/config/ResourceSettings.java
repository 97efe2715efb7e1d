package io.otelstack.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * CPU and memory requests and limits of a collector container, as Kubernetes quantities.
 *
 * <p>Rule checked when loaded: each request is at most its limit.
 *
 * @param cpuRequest CPU request, e.g. {@code 250m} or {@code 1}
 * @param memoryRequest memory request, e.g. {@code 512Mi}
 * @param cpuLimit CPU limit
 * @param memoryLimit memory limit; the collector's memory limiter works within it
 */
public record ResourceSettings(
    String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
  private static final Map<String, Long> MEMORY_UNITS =
      Map.of(
          "",
          1L,
          "Ki",
          1L << 10,
          "Mi",
          1L << 20,
          "Gi",
          1L << 30,
          "Ti",
          1L << 40,
          "M",
          1_000_000L,
          "G",
          1_000_000_000L,
          "T",
          1_000_000_000_000L);

  /** Requires every part. */
  public ResourceSettings {
    Objects.requireNonNull(cpuRequest, "cpuRequest");
    Objects.requireNonNull(memoryRequest, "memoryRequest");
    Objects.requireNonNull(cpuLimit, "cpuLimit");
    Objects.requireNonNull(memoryLimit, "memoryLimit");
  }

  void check(Problems p) {
    requestWithinLimit(p, "cpu", cpuRequest, cpuLimit, cores(cpuRequest), cores(cpuLimit));
    requestWithinLimit(
        p, "memory", memoryRequest, memoryLimit, bytes(memoryRequest), bytes(memoryLimit));
  }

  private static void requestWithinLimit(
      Problems p, String resource, String request, String limit, BigDecimal r, BigDecimal l) {
    if (r.compareTo(l) > 0) {
      p.add(
          p.path(resource + "Request")
              + " ("
              + request
              + ") must be <= "
              + p.path(resource + "Limit")
              + " ("
              + limit
              + "); lower the request or raise the limit");
    }
  }

  /** CPU in cores; the schema allows {@code 1}, {@code 0.5} and {@code 500m}. */
  private static BigDecimal cores(String quantity) {
    return quantity.endsWith("m")
        ? new BigDecimal(quantity.substring(0, quantity.length() - 1)).movePointLeft(3)
        : new BigDecimal(quantity);
  }

  /** Memory in bytes; the schema allows a whole number with an optional unit. */
  private static BigDecimal bytes(String quantity) {
    int unit = quantity.length();
    while (!Character.isDigit(quantity.charAt(unit - 1))) {
      unit--;
    }
    return new BigDecimal(quantity.substring(0, unit))
        .multiply(BigDecimal.valueOf(MEMORY_UNITS.get(quantity.substring(unit))));
  }
}

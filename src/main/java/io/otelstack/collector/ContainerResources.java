package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A collector container's CPU and memory requests and limits, as Kubernetes quantities.
 *
 * <p>The memory limit also sets {@code GOMEMLIMIT} (the chart derives it) and is what {@link
 * MemoryLimiter} percentages refer to, so it is required.
 *
 * @param cpuRequest e.g. {@code 250m}
 * @param memoryRequest e.g. {@code 512Mi}
 * @param cpuLimit e.g. {@code 1}
 * @param memoryLimit e.g. {@code 1Gi}
 */
public record ContainerResources(
    String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
  private static final Pattern CPU = Pattern.compile("\\d+(\\.\\d+)?m?");
  private static final Pattern MEMORY = Pattern.compile("\\d+(Ki|Mi|Gi|Ti|K|M|G|T)?");

  /** Validates each quantity's form. */
  public ContainerResources {
    check("cpuRequest", cpuRequest, CPU, "250m or 1");
    check("memoryRequest", memoryRequest, MEMORY, "512Mi or 1Gi");
    check("cpuLimit", cpuLimit, CPU, "250m or 1");
    check("memoryLimit", memoryLimit, MEMORY, "512Mi or 1Gi");
  }

  private static void check(String prop, String value, Pattern form, String example) {
    if (value == null || !form.matcher(value).matches()) {
      throw new ValidationException(
          "resources."
              + prop
              + " ("
              + value
              + ") must be a Kubernetes quantity such as "
              + example);
    }
  }

  /** The memory request in MiB, e.g. 512 for {@code 512Mi}. */
  public double memoryRequestMib() {
    return bytes(memoryRequest) / 0x1p20;
  }

  /** The memory limit in MiB, e.g. 1024 for {@code 1Gi}. */
  public double memoryLimitMib() {
    return memoryLimitBytes() / 0x1p20;
  }

  /** The memory limit in bytes, e.g. 1073741824 for {@code 1Gi}. */
  public long memoryLimitBytes() {
    return bytes(memoryLimit);
  }

  private static long bytes(String quantity) {
    String unit = quantity.replaceAll("^\\d+", "");
    long amount = Long.parseLong(quantity.substring(0, quantity.length() - unit.length()));
    int power = "KMGT".indexOf(unit.isEmpty() ? ' ' : unit.charAt(0)) + 1;
    return amount * (long) Math.pow(unit.endsWith("i") ? 1024 : 1000, power);
  }

  /** The container {@code resources} block. */
  public Map<String, Object> toValues() {
    Map<String, Object> requests = new LinkedHashMap<>();
    requests.put("cpu", cpuRequest);
    requests.put("memory", memoryRequest);
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("cpu", cpuLimit);
    limits.put("memory", memoryLimit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("requests", requests);
    out.put("limits", limits);
    return out;
  }
}

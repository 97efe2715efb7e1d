package io.otelstack.collector;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collector container's CPU and memory requests and limits, as Kubernetes quantities.
 *
 * <p>The memory limit also sets {@code GOMEMLIMIT} (the chart derives it) and is what {@link
 * MemoryLimiter} percentages refer to, so it is required. Each request must be at most its limit.
 *
 * @param cpuRequest e.g. {@code 250m}
 * @param memoryRequest e.g. {@code 512Mi}
 * @param cpuLimit e.g. {@code 1}
 * @param memoryLimit e.g. {@code 1Gi}
 */
public record ContainerResources(
    String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Validates each quantity's form and that each request is at most its limit. */
  public ContainerResources {
    CHECK.cpu("ContainerResources.cpuRequest", cpuRequest);
    CHECK.memory("ContainerResources.memoryRequest", memoryRequest);
    CHECK.cpu("ContainerResources.cpuLimit", cpuLimit);
    CHECK.memory("ContainerResources.memoryLimit", memoryLimit);
    // A request above its limit is refused by the API server only at apply time; both are
    // reported at once.
    List<String> errors = new ArrayList<>();
    requestWithinLimit(
        errors,
        "cpu",
        cpuRequest,
        cpuLimit,
        Checks.cores(cpuRequest).compareTo(Checks.cores(cpuLimit)));
    requestWithinLimit(
        errors,
        "memory",
        memoryRequest,
        memoryLimit,
        Long.compare(Checks.bytes(memoryRequest), Checks.bytes(memoryLimit)));
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void requestWithinLimit(
      List<String> errors, String resource, String request, String limit, int comparison) {
    if (comparison > 0) {
      errors.add(
          "ContainerResources."
              + resource
              + "Request ("
              + request
              + ") must be <= ContainerResources."
              + resource
              + "Limit ("
              + limit
              + "); lower the request or raise the limit");
    }
  }

  /** The memory request in MiB, e.g. 512 for {@code 512Mi}. */
  public double memoryRequestMib() {
    return Checks.bytes(memoryRequest) / 0x1p20;
  }

  /** The memory limit in MiB, e.g. 1024 for {@code 1Gi}. */
  public double memoryLimitMib() {
    return memoryLimitBytes() / 0x1p20;
  }

  /** The memory limit in bytes, e.g. 1073741824 for {@code 1Gi}. */
  public long memoryLimitBytes() {
    return Checks.bytes(memoryLimit);
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

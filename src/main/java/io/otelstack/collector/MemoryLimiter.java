package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code memory_limiter} processor. It goes first in every pipeline, so data is refused (and
 * retried by the sender) before the collector is OOM-killed, rather than lost after.
 *
 * <p>Limits are percentages of the container's memory limit, which pairs with {@code GOMEMLIMIT}
 * set from the same limit.
 *
 * @param limitPercentage hard limit, as a percentage of the container memory limit
 * @param spikeLimitPercentage headroom for spikes between checks, as a percentage
 */
public record MemoryLimiter(int limitPercentage, int spikeLimitPercentage) implements Component {
  /** Requires {@code 0 < spike < limit <= 100}. */
  public MemoryLimiter {
    if (limitPercentage <= 0 || limitPercentage > 100) {
      throw new ValidationException(
          "memory_limiter.limitPercentage (" + limitPercentage + ") must be in 1..100");
    }
    if (spikeLimitPercentage <= 0 || spikeLimitPercentage >= limitPercentage) {
      throw new ValidationException(
          "memory_limiter.spikeLimitPercentage ("
              + spikeLimitPercentage
              + ") must be > 0 and < limitPercentage ("
              + limitPercentage
              + ")");
    }
  }

  /** 80% hard limit with 25% spike headroom, the chart's own defaults. */
  public static MemoryLimiter defaults() {
    return new MemoryLimiter(80, 25);
  }

  @Override
  public ComponentType type() {
    return ComponentType.MEMORY_LIMITER;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("check_interval", "1s");
    s.put("limit_percentage", limitPercentage);
    s.put("spike_limit_percentage", spikeLimitPercentage);
    return s;
  }
}

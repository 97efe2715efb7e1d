package io.otelstack.collector;

import io.otelstack.ValidationException;
import io.otelstack.internal.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tail_sampling} processor: decides per whole trace, after {@code decisionWaitSeconds},
 * whether to keep it. A trace is kept when any policy keeps it.
 *
 * <p>Policies, in order: every trace with an ERROR span status (when {@code keepErrors}); every
 * trace slower than {@code slowTraceThresholdMs}; and {@code samplingPercentage} of the rest,
 * chosen by hashing the trace ID with {@code hashSeed}, so every replica (and every re-send of a
 * span) takes the same decision for the same trace.
 *
 * <p>The processor only sees a whole trace when all its spans reach the same replica; route them
 * there with a {@link LoadBalancingExporter} keyed on the trace ID.
 *
 * @param decisionWaitSeconds how long to buffer a trace's spans before deciding
 * @param keepErrors whether to keep every trace with an error status
 * @param slowTraceThresholdMs traces at least this long are kept
 * @param samplingPercentage share of the remaining traces kept, 0 to 100, or a Terraform token
 * @param hashSeed salt of the trace-ID hash; change it to sample a different subset
 */
public record TailSamplingProcessor(
    int decisionWaitSeconds,
    boolean keepErrors,
    int slowTraceThresholdMs,
    double samplingPercentage,
    int hashSeed)
    implements Component {
  /** Requires a positive wait and threshold and a percentage in 0..100. */
  public TailSamplingProcessor {
    if (decisionWaitSeconds <= 0) {
      throw new ValidationException(
          "traces.decisionWaitSeconds (" + decisionWaitSeconds + ") must be > 0; default is 10");
    }
    if (slowTraceThresholdMs <= 0) {
      throw new ValidationException(
          "traces.slowTraceThresholdMs ("
              + slowTraceThresholdMs
              + ") must be > 0; default is 1000");
    }
    if (!Tokens.isToken(samplingPercentage)
        && !(samplingPercentage >= 0 && samplingPercentage <= 100)) {
      throw new ValidationException(
          "traces.samplingPercentage ("
              + samplingPercentage
              + ") must be in 0..100, e.g. 10 in prod and 50 elsewhere");
    }
  }

  @Override
  public ComponentType type() {
    return ComponentType.TAIL_SAMPLING;
  }

  @Override
  public Map<String, Object> settings() {
    List<Object> policies = new ArrayList<>();
    if (keepErrors) {
      policies.add(policy("errors", "status_code", Map.of("status_codes", List.of("ERROR"))));
    }
    policies.add(policy("slow", "latency", Map.of("threshold_ms", slowTraceThresholdMs)));
    Map<String, Object> probabilistic = new LinkedHashMap<>();
    probabilistic.put("hash_salt", Integer.toString(hashSeed));
    probabilistic.put("sampling_percentage", samplingPercentage);
    policies.add(policy("probabilistic", "probabilistic", probabilistic));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("decision_wait", decisionWaitSeconds + "s");
    s.put("policies", policies);
    return s;
  }

  private static Map<String, Object> policy(String name, String type, Map<String, ?> body) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("type", type);
    p.put(type, body);
    return p;
  }
}

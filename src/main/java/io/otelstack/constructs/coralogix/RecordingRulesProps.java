package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * Props of {@link RecordingRules}. The defaults are those of {@code environments/_defaults.yaml}.
 *
 * @param environment the environment's name, which names the rule group; required
 * @param applicationName the Coralogix application whose metrics are aggregated; required
 * @param intervalSeconds how often the rules are evaluated. Default: 60 seconds.
 * @param rateWindowMinutes window of the rates. Default: 5 minutes.
 * @param groupBy labels kept by the aggregations. Default: {@code service_name}.
 * @param requestsCounter counter of requests. Default: {@code http_requests_total}.
 * @param latencyHistogram histogram of request latency, without {@code _bucket}. Default: {@code
 *     http_request_duration_seconds}.
 * @param latencyQuantiles percentiles recorded, between 0 and 1. Default: 0.5, 0.9, 0.99.
 */
@RecordBuilder
public record RecordingRulesProps(
    String environment,
    String applicationName,
    Integer intervalSeconds,
    Integer rateWindowMinutes,
    List<String> groupBy,
    String requestsCounter,
    String latencyHistogram,
    List<Double> latencyQuantiles) {
  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires the environment and application; applies defaults; checks the quantiles. */
  public RecordingRulesProps {
    CHECK.required("RecordingRulesProps.environment", environment);
    CHECK.required("RecordingRulesProps.applicationName", applicationName);
    intervalSeconds = intervalSeconds == null ? 60 : intervalSeconds;
    rateWindowMinutes = rateWindowMinutes == null ? 5 : rateWindowMinutes;
    groupBy = groupBy == null ? List.of("service_name") : List.copyOf(groupBy);
    requestsCounter = requestsCounter == null ? "http_requests_total" : requestsCounter;
    latencyHistogram =
        latencyHistogram == null ? "http_request_duration_seconds" : latencyHistogram;
    latencyQuantiles =
        latencyQuantiles == null ? List.of(0.5, 0.9, 0.99) : List.copyOf(latencyQuantiles);
    for (double q : latencyQuantiles) {
      if (q <= 0 || q >= 1) {
        throw new ValidationException(
            "RecordingRulesProps.latencyQuantiles ("
                + q
                + ") must be between 0 and 1, exclusive, e.g. 0.99 for the 99th percentile");
      }
    }
  }

  /** A builder. */
  public static RecordingRulesPropsBuilder builder() {
    return RecordingRulesPropsBuilder.builder();
  }
}

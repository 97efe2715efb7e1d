package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import java.util.List;
import java.util.Objects;

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
public record RecordingRulesProps(
    String environment,
    String applicationName,
    Integer intervalSeconds,
    Integer rateWindowMinutes,
    List<String> groupBy,
    String requestsCounter,
    String latencyHistogram,
    List<Double> latencyQuantiles) {
  /** Requires the environment and application; applies defaults; checks the quantiles. */
  public RecordingRulesProps {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(applicationName, "applicationName");
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
            "recordingRules.latencyQuantiles ("
                + q
                + ") must be between 0 and 1, exclusive, e.g. 0.99 for the 99th percentile");
      }
    }
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RecordingRulesProps}. */
  public static final class Builder {
    private String environment;
    private String applicationName;
    private Integer intervalSeconds;
    private Integer rateWindowMinutes;
    private List<String> groupBy;
    private String requestsCounter;
    private String latencyHistogram;
    private List<Double> latencyQuantiles;

    private Builder() {}

    /** See {@link RecordingRulesProps#environment()}. */
    public Builder environment(String environment) {
      this.environment = environment;
      return this;
    }

    /** See {@link RecordingRulesProps#applicationName()}. */
    public Builder applicationName(String applicationName) {
      this.applicationName = applicationName;
      return this;
    }

    /** See {@link RecordingRulesProps#intervalSeconds()}. */
    public Builder intervalSeconds(int intervalSeconds) {
      this.intervalSeconds = intervalSeconds;
      return this;
    }

    /** See {@link RecordingRulesProps#rateWindowMinutes()}. */
    public Builder rateWindowMinutes(int rateWindowMinutes) {
      this.rateWindowMinutes = rateWindowMinutes;
      return this;
    }

    /** See {@link RecordingRulesProps#groupBy()}. */
    public Builder groupBy(List<String> groupBy) {
      this.groupBy = groupBy;
      return this;
    }

    /** See {@link RecordingRulesProps#requestsCounter()}. */
    public Builder requestsCounter(String requestsCounter) {
      this.requestsCounter = requestsCounter;
      return this;
    }

    /** See {@link RecordingRulesProps#latencyHistogram()}. */
    public Builder latencyHistogram(String latencyHistogram) {
      this.latencyHistogram = latencyHistogram;
      return this;
    }

    /** See {@link RecordingRulesProps#latencyQuantiles()}. */
    public Builder latencyQuantiles(List<Double> latencyQuantiles) {
      this.latencyQuantiles = latencyQuantiles;
      return this;
    }

    /** The props. */
    public RecordingRulesProps build() {
      return new RecordingRulesProps(
          environment,
          applicationName,
          intervalSeconds,
          rateWindowMinutes,
          groupBy,
          requestsCounter,
          latencyHistogram,
          latencyQuantiles);
    }
  }
}

package io.otelstack.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recording rules that pre-aggregate the highest-cardinality application metrics: request rate and
 * latency percentiles by the {@code groupBy} labels.
 *
 * <p>Rule checked when loaded: {@code metrics.allowlist} keeps the counter and the histogram's
 * {@code _bucket} series; a rule over a dropped metric would record nothing.
 *
 * @param intervalSeconds how often the rules are evaluated
 * @param rateWindowMinutes window of the rates
 * @param groupBy labels the pre-aggregations keep
 * @param requestsCounter counter of requests
 * @param latencyHistogram histogram of request latency, without {@code _bucket}
 * @param latencyQuantiles percentiles recorded, as quantiles between 0 and 1
 */
public record RecordingRulesSettings(
    int intervalSeconds,
    int rateWindowMinutes,
    List<String> groupBy,
    String requestsCounter,
    String latencyHistogram,
    List<Double> latencyQuantiles) {
  /** Requires every part and copies the lists. */
  public RecordingRulesSettings {
    groupBy = List.copyOf(groupBy);
    Objects.requireNonNull(requestsCounter, "requestsCounter");
    Objects.requireNonNull(latencyHistogram, "latencyHistogram");
    latencyQuantiles = List.copyOf(latencyQuantiles);
  }

  void check(Problems p, List<String> allowlist) {
    if (!allowlist.stream().allMatch(RecordingRulesSettings::compiles)) {
      return; // TargetAllocatorProps reports the invalid regex; judging by it would add noise
    }
    keptBy(p, "requestsCounter", requestsCounter, allowlist);
    keptBy(p, "latencyHistogram", latencyHistogram + "_bucket", allowlist);
  }

  private static void keptBy(Problems p, String field, String metric, List<String> allowlist) {
    if (allowlist.stream().noneMatch(regex -> matches(regex, metric))) {
      p.add(
          p.path(field)
              + " ("
              + metric
              + ") is not kept by metrics.allowlist ("
              + String.join(", ", allowlist)
              + "), so the rule would record nothing; add it to the allowlist or record a kept"
              + " metric");
    }
  }

  private static boolean matches(String regex, String metric) {
    return Pattern.compile(regex).matcher(metric).matches();
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}

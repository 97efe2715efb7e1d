package io.otelstack.constructs.coralogix;

import imports.coralogix.recording_rules_groups_set.RecordingRulesGroupsSet;
import imports.coralogix.recording_rules_groups_set.RecordingRulesGroupsSetGroups;
import imports.coralogix.recording_rules_groups_set.RecordingRulesGroupsSetGroupsRules;
import io.otelstack.ValidationException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Recording rules ({@code coralogix_recording_rules_groups_set}) that pre-aggregate the
 * highest-cardinality application metrics the allowlist keeps: request rate and latency percentiles
 * by service. Dashboards and alerts read the few recorded series instead of summing thousands of
 * per-pod series on every refresh.
 *
 * <p>Recorded names follow the Prometheus convention {@code level:metric:operations}, e.g. {@code
 * service_name:http_requests_total:rate5m} and {@code
 * service_name:http_request_duration_seconds:p99_rate5m}.
 *
 * <p>Child: {@code Resource} (the rule group set).
 */
public final class RecordingRules extends Construct {
  private final Map<String, String> rules;

  /** Creates the rule group. */
  public RecordingRules(Construct scope, String id, RecordingRulesProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (RecordingRulesProps) is required");
    }
    this.rules = rules(props);
    RecordingRulesGroupsSet.Builder.create(this, "Resource")
        .name(props.environment() + "-otel-stack")
        .groups(
            List.of(
                RecordingRulesGroupsSetGroups.builder()
                    .name(props.environment() + "-application-preaggregation")
                    .interval(props.intervalSeconds())
                    .rules(
                        rules.entrySet().stream()
                            .map(
                                r ->
                                    RecordingRulesGroupsSetGroupsRules.builder()
                                        .record(r.getKey())
                                        .expr(r.getValue())
                                        .build())
                            .toList())
                    .build()))
        .build();
  }

  private static Map<String, String> rules(RecordingRulesProps props) {
    String by = String.join(", ", props.groupBy());
    String level = String.join("_", props.groupBy());
    String window = props.rateWindowMinutes() + "m";
    String selector = "{" + Labels.environment(props.applicationName()) + "}";
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put(
        level + ":" + props.requestsCounter() + ":rate" + window,
        "sum by (" + by + ") (rate(" + props.requestsCounter() + selector + "[" + window + "]))");
    for (double q : props.latencyQuantiles()) {
      String percentile =
          BigDecimal.valueOf(q)
              .movePointRight(2)
              .stripTrailingZeros()
              .toPlainString()
              .replace('.', '_');
      rules.put(
          level + ":" + props.latencyHistogram() + ":p" + percentile + "_rate" + window,
          "histogram_quantile("
              + q
              + ", sum by ("
              + by
              + ", le) (rate("
              + props.latencyHistogram()
              + "_bucket"
              + selector
              + "["
              + window
              + "])))");
    }
    return rules;
  }

  /** The recorded series' names and their PromQL, in order. */
  public Map<String, String> rules() {
    return Collections.unmodifiableMap(rules);
  }
}

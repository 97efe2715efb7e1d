package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TailSamplingProcessorTest {
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> policies(TailSamplingProcessor p) {
    return (List<Map<String, Object>>) p.settings().get("policies");
  }

  @Test
  void keepsErrorsSlowTracesAndAHashedPercentage() {
    assertThat(policies(new TailSamplingProcessor(10, true, 1000, 10, 22)))
        .extracting(m -> m.get("type"))
        .containsExactly("status_code", "latency", "probabilistic");
  }

  @Test
  void dropsTheErrorPolicyWhenErrorsAreNotKept() {
    assertThat(policies(new TailSamplingProcessor(10, false, 1000, 10, 22)))
        .extracting(m -> m.get("name"))
        .containsExactly("slow", "probabilistic");
  }

  @Test
  void saltsTheTraceIdHashWithTheSeed() {
    assertThat(policies(new TailSamplingProcessor(10, true, 1000, 50, 7)).get(2))
        .containsEntry("probabilistic", Map.of("hash_salt", "7", "sampling_percentage", 50.0));
  }

  @Test
  void waitsForTheWholeTraceBeforeDeciding() {
    assertThat(new TailSamplingProcessor(30, true, 1000, 50, 7).settings())
        .containsEntry("decision_wait", "30s");
  }

  @Test
  void failsWhenTheDecisionWaitIsZero() {
    assertThatThrownBy(() -> new TailSamplingProcessor(0, true, 1000, 50, 22))
        .isInstanceOf(ValidationException.class)
        .hasMessage("traces.decisionWaitSeconds (0) must be > 0; default is 10");
  }

  @Test
  void failsWhenTheSlowThresholdIsZero() {
    assertThatThrownBy(() -> new TailSamplingProcessor(10, true, 0, 50, 22))
        .isInstanceOf(ValidationException.class)
        .hasMessage("traces.slowTraceThresholdMs (0) must be > 0; default is 1000");
  }

  @Test
  void failsWhenThePercentageIsNegative() {
    assertThatThrownBy(() -> new TailSamplingProcessor(10, true, 1000, -1, 22))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "traces.samplingPercentage (-1.0) must be in 0..100, e.g. 10 in prod and 50 elsewhere");
  }
}

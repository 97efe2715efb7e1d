package io.otelstack.constructs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import org.junit.jupiter.api.Test;

class TaintTest {
  @Test
  void treatsAMissingValueAsAKeyOnlyTaint() {
    assertThat(new Taint("example.com/spot", null, TaintEffect.NO_EXECUTE).value()).isEmpty();
  }

  @Test
  void repelsPodsUnlessItOnlyPrefersNotToSchedule() {
    assertThat(new Taint("a", "b", TaintEffect.NO_SCHEDULE).repelsPods()).isTrue();
    assertThat(new Taint("a", "b", TaintEffect.NO_EXECUTE).repelsPods()).isTrue();
    assertThat(new Taint("a", "b", TaintEffect.PREFER_NO_SCHEDULE).repelsPods()).isFalse();
  }

  @Test
  void failsWhenTheKeyIsNotALabelKey() {
    assertThatThrownBy(() -> new Taint("dedicated node", "x", TaintEffect.NO_SCHEDULE))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Taint.key (dedicated node) must be a Kubernetes label key such as dedicated or"
                + " example.com/pool");
  }

  @Test
  void failsWhenTheValueIsTooLong() {
    assertThatThrownBy(() -> new Taint("dedicated", "x".repeat(64), TaintEffect.NO_SCHEDULE))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Taint.value ("
                + "x".repeat(64)
                + ") must be at most 63 letters, digits, '-', '_' or '.', starting and ending with"
                + " a letter or digit");
  }

  @Test
  void failsWhenTheEffectIsMissing() {
    assertThatThrownBy(() -> new Taint("dedicated", "observability", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Taint.effect is required for taint dedicated; use NO_SCHEDULE, NO_EXECUTE or"
                + " PREFER_NO_SCHEDULE");
  }
}

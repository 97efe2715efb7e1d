package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two OTTL processors: filter and transform. */
class OttlProcessorsTest {
  @Test
  void filterUsesLogConditionsAndIgnoresErrors() {
    FilterProcessor p = new FilterProcessor("drop", List.of("log.body == \"x\""));

    assertThat(p.id().toString()).isEqualTo("filter/drop");
    assertThat(p.settings())
        .containsEntry("error_mode", "ignore")
        .containsEntry("log_conditions", List.of("log.body == \"x\""));
  }

  @Test
  void transformUsesLogStatementsAndIgnoresErrors() {
    TransformProcessor p = new TransformProcessor("parse", List.of("set(log.body, \"x\")"));

    assertThat(p.id().toString()).isEqualTo("transform/parse");
    assertThat(p.settings())
        .containsEntry("error_mode", "ignore")
        .containsEntry("log_statements", List.of("set(log.body, \"x\")"));
  }

  @Test
  void failsWhenAFilterHasNoConditions() {
    assertThatThrownBy(() -> new FilterProcessor("drop", List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("filter/drop.logConditions must not be empty; leave the processor out instead");
  }

  @Test
  void failsWhenATransformHasNoStatements() {
    assertThatThrownBy(() -> new TransformProcessor("parse", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "transform/parse.logStatements must not be empty; leave the processor out instead");
  }
}

package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultilineRuleTest {
  @Test
  void presetStartsARecordOnEveryLineThatDoesNotContinueAStackTrace() {
    Map<String, Object> op =
        new MultilineRule("shop", null, MultilinePreset.JAVA, null, null, null, null)
            .operator("multiline-0");

    assertThat(op)
        .containsEntry("if", "resource[\"k8s.namespace.name\"] == \"shop\"")
        .containsEntry(
            "is_first_entry",
            "not (body matches \"^(\\\\s|Caused by:|Suppressed:|([a-zA-Z_]\\\\w*\\\\.)+\\\\w*"
                + "(Exception|Error|Throwable)\\\\b)\")");
  }

  @Test
  void startPatternIsEscapedForExprAndTheCollectorsExpansion() {
    Map<String, Object> op =
        new MultilineRule(null, "api", null, "^\\d{4}-\"$", 10, 64, 2).operator("multiline-1");

    assertThat(op)
        .containsEntry("is_first_entry", "body matches \"^\\\\d{4}-\\\"$$\"")
        .containsEntry("max_batch_size", 10)
        .containsEntry("max_log_size", 64 * 1024)
        .containsEntry("force_flush_period", "2s");
  }

  @Test
  void failsWhenNeitherNamespaceNorContainerIsNamed() {
    assertThatThrownBy(
            () -> new MultilineRule(null, null, MultilinePreset.JAVA, null, null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "logs.multiline entry must name a namespace, a container or both; a rule for every"
                + " container would join unrelated lines");
  }

  @Test
  void failsWhenBothPresetAndStartPatternAreGiven() {
    assertThatThrownBy(
            () -> new MultilineRule("shop", "app", MultilinePreset.JAVA, "^x", null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "logs.multiline entry for namespace shop container app must give exactly one of"
                + " preset (java, python) and startPattern");
  }

  @Test
  void failsWhenTheStartPatternIsNotARegularExpression() {
    assertThatThrownBy(() -> new MultilineRule("shop", null, null, "^(x", null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "logs.multiline startPattern (^(x) is not a regular expression: Unclosed group");
  }

  @Test
  void failsWhenABoundIsZero() {
    assertThatThrownBy(() -> new MultilineRule("shop", null, MultilinePreset.PYTHON, null, 0, 1, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("logs.multiline entry maxLines (0) must be >= 1; default is 500");
  }
}

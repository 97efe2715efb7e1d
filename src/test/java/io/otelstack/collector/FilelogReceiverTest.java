package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilelogReceiverTest {
  private final FileStorage checkpoints = new FileStorage("checkpoints", "/var/lib/x", 10);

  @Test
  void resumesFromItsCheckpointsAndRetriesRefusedData() {
    Map<String, Object> s =
        new FilelogReceiver("", List.of("/var/log/pods/*/*/*.log"), List.of(), checkpoints, null)
            .settings();

    assertThat(s).containsEntry("storage", "file_storage/checkpoints");
    assertThat(s).containsEntry("start_at", "beginning");
    assertThat(s.get("retry_on_failure"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("enabled", true)
        .containsEntry("max_elapsed_time", "0s");
  }

  @Test
  void leavesOutAnEmptyExcludeList() {
    Map<String, Object> s =
        new FilelogReceiver("", List.of("/var/log/pods/*/*/*.log"), null, checkpoints, null)
            .settings();

    assertThat(s).doesNotContainKey("exclude");
  }

  @Test
  void failsWhenNothingIsIncluded() {
    assertThatThrownBy(() -> new FilelogReceiver("", List.of(), List.of(), checkpoints, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("file_log.include must list at least one glob");
  }

  @Test
  void failsWhenAGlobIsRelative() {
    assertThatThrownBy(
            () ->
                new FilelogReceiver(
                    "", List.of("/var/log/pods/*/*/*.log"), List.of("*.gz"), checkpoints, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "file_log.exclude entry (*.gz) must be an absolute glob such as /var/log/pods/*/*/*.log");
  }

  @Test
  void failsWithoutCheckpoints() {
    assertThatThrownBy(
            () -> new FilelogReceiver("", List.of("/var/log/pods/*/*/*.log"), null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "file_log.checkpoints is required: without it a restarted agent re-reads every file"
                + " from the beginning");
  }

  @Test
  void joinsStackTracesOfTheNamedNamespaceAfterTheContainerParser() {
    Map<String, Object> s =
        new FilelogReceiver(
                "",
                List.of("/var/log/pods/*/*/*.log"),
                null,
                checkpoints,
                List.of(
                    new MultilineRule(
                        "payments", "app", MultilinePreset.JAVA, null, null, null, null)))
            .settings();

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> operators = (List<Map<String, Object>>) s.get("operators");
    assertThat(operators).hasSize(2);
    assertThat(operators.get(0)).containsEntry("type", "container");
    assertThat(operators.get(1))
        .containsEntry("type", "recombine")
        .containsEntry(
            "if",
            "resource[\"k8s.namespace.name\"] == \"payments\""
                + " and resource[\"k8s.container.name\"] == \"app\"")
        .containsEntry("source_identifier", "attributes[\"log.file.path\"]")
        .containsEntry("max_batch_size", 500)
        .containsEntry("max_log_size", 256 * 1024)
        .containsEntry("force_flush_period", "5s");
  }

  @Test
  void failsWhenTwoMultilineRulesNameTheSameContainers() {
    MultilineRule rule = new MultilineRule("shop", null, MultilinePreset.PYTHON, null, 1, 1, 1);
    assertThatThrownBy(
            () ->
                new FilelogReceiver(
                    "", List.of("/var/log/pods/*/*/*.log"), null, checkpoints, List.of(rule, rule)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "logs.multiline has two entries for namespace shop and container null; a record would"
                + " be joined twice, so keep one");
  }
}

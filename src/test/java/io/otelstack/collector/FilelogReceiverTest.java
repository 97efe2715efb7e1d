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
        new FilelogReceiver("", List.of("/var/log/pods/*/*/*.log"), List.of(), checkpoints)
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
        new FilelogReceiver("", List.of("/var/log/pods/*/*/*.log"), null, checkpoints).settings();

    assertThat(s).doesNotContainKey("exclude");
  }

  @Test
  void failsWhenNothingIsIncluded() {
    assertThatThrownBy(() -> new FilelogReceiver("", List.of(), List.of(), checkpoints))
        .isInstanceOf(ValidationException.class)
        .hasMessage("file_log.include must list at least one glob");
  }

  @Test
  void failsWhenAGlobIsRelative() {
    assertThatThrownBy(
            () ->
                new FilelogReceiver(
                    "", List.of("/var/log/pods/*/*/*.log"), List.of("*.gz"), checkpoints))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "file_log.exclude entry (*.gz) must be an absolute glob such as /var/log/pods/*/*/*.log");
  }

  @Test
  void failsWithoutCheckpoints() {
    assertThatThrownBy(
            () -> new FilelogReceiver("", List.of("/var/log/pods/*/*/*.log"), null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "file_log.checkpoints is required: without it a restarted agent re-reads every file"
                + " from the beginning");
  }
}

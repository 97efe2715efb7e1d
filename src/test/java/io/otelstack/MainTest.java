package io.otelstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.SynthRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of synth: what a platform engineer sees. */
@Tag("integration") // runs synth as a process, as a user does
class MainTest {
  private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
  private static final List<String> KINDS = List.of("cluster", "telemetry", "coralogix");

  /** Every stack synth writes for the committed environment files. */
  static List<String> expectedStacks() {
    return ENVIRONMENTS.stream().flatMap(e -> KINDS.stream().map(k -> e + "-" + k)).toList();
  }

  @Test
  void synthesizesEveryStackOfEveryEnvironment() {
    Path stacks = SynthRun.everyEnvironment().outdir().resolve("stacks");
    for (String stack : expectedStacks()) {
      assertThat(stacks.resolve(stack + "/cdk.tf.json")).isRegularFile();
    }
  }

  @Test
  void printsOneLinePerStackWithItsDirectoryAndThenTheTotalTime() {
    SynthRun.Result r = SynthRun.everyEnvironment();
    List<String> lines = r.stdout().lines().toList();
    List<String> expected = expectedStacks();

    assertThat(lines).hasSize(expected.size() + 1);
    Path stacks = r.outdir().resolve("stacks");
    assertThat(lines.subList(0, expected.size()))
        .containsExactlyInAnyOrderElementsOf(
            expected.stream()
                .map(id -> String.format("%-22s %s", id, stacks.resolve(id)))
                .toList());
    assertThat(lines.get(expected.size()))
        .matches("synthesized " + expected.size() + " stacks in \\d+\\.\\d s");
    assertThat(r.stderr()).as("nothing else on success").isEmpty();
  }

  @Test
  void synthesizesOnlyTheSelectedEnvironment() throws IOException {
    SynthRun.Result r = SynthRun.run(Map.of("STACK_ENVIRONMENT", "dev"));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    try (Stream<Path> dirs = Files.list(r.outdir().resolve("stacks"))) {
      assertThat(dirs.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("dev-cluster", "dev-telemetry", "dev-coralogix");
    }
  }

  @Test
  void failsWithAShortMessageAndNoStackTraceOnABadEnvironmentFile(@TempDir Path dir)
      throws IOException {
    SynthRun.Result r = synthWithQa(dir, "hpa:\n  minReplicas: 5\n  maxReplicas: 3\n");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(dir.resolve("qa.yaml") + ": hpa.minReplicas (5) must be <= hpa.maxReplicas (3)")
        .doesNotContain("Exception")
        .doesNotContainPattern("\\tat [a-z]");
    assertThat(r.outdir()).as("nothing is written for bad input").doesNotExist();
  }

  @Test
  void namesTheEnvironmentFileWhenAConstructRejectsItsValues(@TempDir Path dir) throws IOException {
    SynthRun.Result r = synthWithQa(dir, "queue:\n  pvcSizeGi: 5\n");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .isEqualTo(
            "otel-stack: invalid configuration:\n  "
                + dir.resolve("qa.yaml")
                + ": queue.pvcSizeGi (5) must hold 4 full queues of queue.sizeBatches (5000) x"
                + " queue.maxBatchSizeKi (512), i.e. at least 10; raise pvcSizeGi or lower"
                + " sizeBatches\n");
    assertThat(r.outdir()).as("nothing is written for bad input").doesNotExist();
  }

  @Test
  void namesTheEnvironmentFileWhenTheClusterCollectorsVolumeIsTooSmall(@TempDir Path dir)
      throws IOException {
    SynthRun.Result r =
        synthWithQa(dir, "infrastructure:\n  clusterCollector:\n    pvcSizeGi: 4\n");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .isEqualTo(
            "otel-stack: invalid configuration:\n  "
                + dir.resolve("qa.yaml")
                + ": infrastructure.clusterCollector.pvcSizeGi (4) must hold 2 full queues of"
                + " queue.sizeBatches (5000) x queue.maxBatchSizeKi (512), i.e. at least 5;"
                + " raise pvcSizeGi or lower sizeBatches\n");
  }

  @Test
  void namesTheEnvironmentFileWhenAMultilineRuleIsIncomplete(@TempDir Path dir) throws IOException {
    SynthRun.Result r = synthWithQa(dir, "logs:\n  multiline:\n    - {namespace: shop}\n");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .isEqualTo(
            "otel-stack: invalid configuration:\n  "
                + dir.resolve("qa.yaml")
                + ": logs.multiline entry for namespace shop must give exactly one of preset"
                + " (java, python) and startPattern\n");
  }

  /** Synth of the shared defaults plus a {@code qa.yaml} that states {@code fields}. */
  private static SynthRun.Result synthWithQa(Path dir, String fields) throws IOException {
    Files.copy(Path.of("environments/_defaults.yaml"), dir.resolve("_defaults.yaml"));
    Files.writeString(dir.resolve("qa.yaml"), "cluster:\n  accountId: \"444444444444\"\n" + fields);
    return SynthRun.run(Map.of("STACK_ENVIRONMENTS_DIR", dir.toString()));
  }

  @Test
  void failsWhenTheSelectedEnvironmentDoesNotExist() {
    SynthRun.Result r = SynthRun.run(Map.of("STACK_ENVIRONMENT", "qa"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains("qa")
        .contains("dev, prod, staging")
        .doesNotContain("Exception");
  }

  @Test
  void coralogixStacksReferenceTheManagementKeyOnlyByItsSecretName() throws IOException {
    Path stacks = SynthRun.everyEnvironment().outdir().resolve("stacks");
    for (String env : ENVIRONMENTS) {
      String json = Files.readString(stacks.resolve(env + "-coralogix/cdk.tf.json"));
      assertThat(json)
          .contains("otel-stack/coralogix-api-key")
          .contains("data.aws_secretsmanager_secret_version.CoralogixApiKey.secret_string")
          .doesNotContain(SynthRun.CANARY);
    }
  }

  @Test
  void neverWritesTheCoralogixKeyFromAnyEnvironmentVariable() throws IOException {
    Path outdir = SynthRun.everyEnvironment().outdir();
    try (Stream<Path> files = Files.walk(outdir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SynthRun.CANARY);
      }
    }
  }
}

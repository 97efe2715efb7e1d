package io.otelstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.constructs.cluster.EksVersions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment on a Kubernetes version in EKS extended support still synthesizes, with one
 * warning line on stderr naming the date and the cost, and the same stacks as on a day when the
 * version was in standard support. (A version past extended support is refused: {@link
 * ConstructRulesTest}.)
 */
class KubernetesVersionSupportTest {
  private static final String QA =
      "cluster:\n  accountId: \"444444444444\"\n  kubernetesVersion: \"1.33\"\n";

  private record Run(int exitCode, String stdout, String stderr, Path outdir) {}

  private static Run synth(Path dir, String outdirName, LocalDate today) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path outdir = dir.resolve(outdirName);
    int code =
        Main.run(
            Map.of("STACK_ENVIRONMENTS_DIR", dir.toString(), "CDKTF_OUTDIR", outdir.toString()),
            today,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), outdir);
  }

  @Test
  void warnsOnceOnStderrAndWritesTheSameStacks(@TempDir Path dir) throws IOException {
    Files.copy(Path.of("environments/_defaults.yaml"), dir.resolve("_defaults.yaml"));
    Files.writeString(dir.resolve("qa.yaml"), QA);

    Run extended = synth(dir, "extended", LocalDate.parse(EksVersions.CHECKED));
    Run standard = synth(dir, "standard", LocalDate.parse("2026-07-29"));

    assertThat(extended.exitCode()).as(extended.stderr()).isZero();
    assertThat(extended.stderr().lines().toList())
        .containsExactly(
            "otel-stack: warning: "
                + dir.resolve("qa.yaml")
                + ": cluster.kubernetesVersion (1.33) left EKS standard support on 2026-07-29;"
                + " extended support costs about $365 more per cluster-month and ends on"
                + " 2027-07-29; upgrade one minor version at a time towards 1.36");
    assertThat(extended.stdout()).doesNotContain("warning");
    assertThat(standard.exitCode()).isZero();
    assertThat(standard.stderr()).isEmpty();
    for (String stack : new String[] {"qa-cluster", "qa-telemetry", "qa-coralogix"}) {
      Path json = Path.of("stacks", stack, "cdk.tf.json");
      assertThat(Files.readString(extended.outdir().resolve(json)))
          .as(stack)
          .isEqualTo(Files.readString(standard.outdir().resolve(json)));
    }
  }
}

package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OTLP logs from an SDK through the real gateway to the sink, mapped per service. */
class OtlpLogsTest {
  private static OtlpLogs.Figures figures;
  private static String environmentApplication;

  @BeforeAll
  static void sendFromTwoServices() {
    GeneratedStack stack = ProofStacks.underProof();
    environmentApplication = stack.environment().coralogix().applicationName();
    figures = OtlpLogs.run(stack, 500);
    System.out.println("otlp logs: " + figures);
  }

  @Test
  void deliversEveryRecordOnce() {
    assertThat(figures.sent()).isEqualTo(1000);
    assertThat(figures.delivered()).isEqualTo(figures.sent());
    assertThat(figures.duplicates()).isZero();
  }

  @Test
  void mapsTheApplicationFromTheNamespaceAndTheSubsystemFromTheWorkload() {
    assertThat(figures.resources().get("checkout"))
        .containsEntry("cx.application.name", "shop")
        .containsEntry("cx.subsystem.name", "checkout-api")
        .containsEntry("k8s.pod.name", "checkout-api-7d9f-x2")
        .containsKey("telemetry.sdk.language");
  }

  @Test
  void fallsBackToTheEnvironmentsApplicationAndTakesTheSubsystemFromTheServiceName() {
    assertThat(figures.resources().get("batch-report"))
        .containsEntry("cx.application.name", environmentApplication)
        .containsEntry("cx.subsystem.name", "batch-report");
  }
}

package com.example.payments;

import com.hashicorp.cdktf.AppConfig;
import java.nio.file.Path;

/**
 * The payments team's CDKTF app: two alternative stacks for one EKS cluster, built from the
 * otel-stack constructs with the team's own names and props. Deploy one of them: {@code
 * payments-logs} runs only a logs agent, {@code payments-telemetry} the whole telemetry side.
 */
public final class App {
  private App() {}

  /** Synthesizes both stacks into {@code cdktf.out}, as {@code cdktf synth} runs it. */
  public static void main(String[] args) {
    synth(Path.of("cdktf.out"));
  }

  /** Synthesizes both stacks into {@code outdir}/stacks/&lt;stack&gt;. */
  public static void synth(Path outdir) {
    com.hashicorp.cdktf.App app =
        new com.hashicorp.cdktf.App(AppConfig.builder().outdir(outdir.toString()).build());
    new PaymentsLogsStack(app, "payments-logs");
    new PaymentsTelemetryStack(app, "payments-telemetry");
    app.synth();
  }
}

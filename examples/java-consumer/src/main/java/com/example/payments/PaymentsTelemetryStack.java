package com.example.payments;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret_version.DataAwsSecretsmanagerSecretVersion;
import io.otelstack.constructs.telemetry.TelemetryPlatform;
import io.otelstack.constructs.telemetry.TelemetryPlatformProps;
import java.util.List;
import software.constructs.Construct;

/** The whole telemetry side at once, as otel-stack's own TelemetryStack builds it. */
public final class PaymentsTelemetryStack extends TerraformStack {
  /** Builds the stack. */
  public PaymentsTelemetryStack(Construct scope, String id) {
    super(scope, id);
    ClusterProviders.configure(this);

    // example:platform:begin
    var key =
        DataAwsSecretsmanagerSecretVersion.Builder.create(this, "CoralogixKey")
            .secretId("payments/coralogix")
            .build();
    new TelemetryPlatform(
        this,
        "Telemetry",
        TelemetryPlatformProps.builder()
            .namespace("payments-telemetry") // and payments-telemetry-agents
            .coralogixPrivateKey(key.getSecretString())
            .coralogixDomain("cx498.coralogix.com")
            .coralogixApplicationName("payments")
            .clusterName("payments-eks")
            .targetAllocator(ta -> ta.allowlist(List.of("up", "payments_.*")))
            .hpa(hpa -> hpa.minReplicas(3).maxReplicas(9))
            .networkPolicies(np -> np.kubernetesApiCidrs(List.of("10.20.0.0/16")))
            .build());
    // example:platform:end
  }
}

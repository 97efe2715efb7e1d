package com.example.payments;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret_version.DataAwsSecretsmanagerSecretVersion;
import io.otelstack.constructs.logs.LogsDaemonSet;
import io.otelstack.constructs.logs.LogsDaemonSetProps;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.constructs.namespace.PodSecurityLevel;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecretProps;
import java.util.List;
import software.constructs.Construct;

/** A logs agent on every node, from the individual constructs, and nothing else. */
public final class PaymentsLogsStack extends TerraformStack {
  /** Builds the stack. */
  public PaymentsLogsStack(Construct scope, String id) {
    super(scope, id);
    ClusterProviders.configure(this);

    // example:constructs:begin
    CollectorNamespace agents =
        new CollectorNamespace(
            this,
            "Agents",
            new CollectorNamespaceProps("payments-agents", PodSecurityLevel.PRIVILEGED));
    var key =
        DataAwsSecretsmanagerSecretVersion.Builder.create(this, "CoralogixKey")
            .secretId("payments/coralogix")
            .build();
    CoralogixKubernetesSecret secret =
        new CoralogixKubernetesSecret(
            this,
            "CoralogixKeySecret",
            CoralogixKubernetesSecretProps.builder()
                .namespace(agents)
                .privateKey(key.getSecretString())
                .build());
    new LogsDaemonSet(
        this,
        "LogAgent",
        LogsDaemonSetProps.builder()
            .namespace(agents)
            .coralogixSecret(secret)
            .coralogixDomain("cx498.coralogix.com")
            .coralogixApplicationName("payments")
            .clusterName("payments-eks")
            .extraFilelogExcludes(List.of("/var/log/pods/payments-batch_*/*/*.log"))
            .build());
    // example:constructs:end
  }
}

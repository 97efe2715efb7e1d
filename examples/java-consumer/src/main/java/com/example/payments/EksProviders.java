package com.example.payments;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_eks_cluster.DataAwsEksCluster;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.helm.provider.HelmProvider;
import com.hashicorp.cdktf.providers.helm.provider.HelmProviderKubernetes;
import com.hashicorp.cdktf.providers.helm.provider.HelmProviderKubernetesExec;
import com.hashicorp.cdktf.providers.kubernetes.provider.KubernetesProvider;
import com.hashicorp.cdktf.providers.kubernetes.provider.KubernetesProviderExec;
import java.util.List;

/**
 * The team's own providers: the otel-stack constructs configure none, so the stack chooses the
 * account and the cluster. The kubernetes and helm providers take short-lived tokens from {@code
 * aws eks get-token}, so no credential is written anywhere.
 */
final class EksProviders {
  static final String CLUSTER = "payments-eks";
  static final String REGION = "eu-west-1";

  private EksProviders() {}

  /** Adds the aws, kubernetes and helm providers for {@link #CLUSTER} to {@code stack}. */
  static void configure(TerraformStack stack) {
    AwsProvider.Builder.create(stack, "Aws").region(REGION).build();
    DataAwsEksCluster eks = DataAwsEksCluster.Builder.create(stack, "Eks").name(CLUSTER).build();
    String ca = Fn.base64decode(eks.getCertificateAuthority().get(0).getData());
    List<String> token = List.of("eks", "get-token", "--cluster-name", CLUSTER, "--region", REGION);
    String apiVersion = "client.authentication.k8s.io/v1beta1";
    KubernetesProvider.Builder.create(stack, "Kubernetes")
        .host(eks.getEndpoint())
        .clusterCaCertificate(ca)
        .exec(
            List.of(
                KubernetesProviderExec.builder()
                    .apiVersion(apiVersion)
                    .command("aws")
                    .args(token)
                    .build()))
        .build();
    HelmProvider.Builder.create(stack, "Helm")
        .kubernetes(
            HelmProviderKubernetes.builder()
                .host(eks.getEndpoint())
                .clusterCaCertificate(ca)
                .exec(
                    HelmProviderKubernetesExec.builder()
                        .apiVersion(apiVersion)
                        .command("aws")
                        .args(token)
                        .build())
                .build())
        .build();
  }
}

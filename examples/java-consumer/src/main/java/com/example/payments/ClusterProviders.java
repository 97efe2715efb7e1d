package com.example.payments;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.helm.provider.HelmProvider;
import com.hashicorp.cdktf.providers.helm.provider.HelmProviderKubernetes;
import com.hashicorp.cdktf.providers.kubernetes.provider.KubernetesProvider;

/**
 * The team's own providers: the otel-stack constructs configure none, so the stack chooses the
 * account and the cluster. Here the cluster is a context of the deploying machine's kubeconfig
 * (otel-stack's own stacks look the EKS cluster up instead), and the AWS account is the one the
 * Coralogix key's secret lives in.
 */
final class ClusterProviders {
  static final String KUBECONFIG = "~/.kube/config";
  static final String CONTEXT = "payments-eks";

  private ClusterProviders() {}

  /** Adds the aws, kubernetes and helm providers to {@code stack}. */
  static void configure(TerraformStack stack) {
    AwsProvider.Builder.create(stack, "Aws").region("eu-west-1").build();
    KubernetesProvider.Builder.create(stack, "Kubernetes")
        .configPath(KUBECONFIG)
        .configContext(CONTEXT)
        .build();
    HelmProvider.Builder.create(stack, "Helm")
        .kubernetes(
            HelmProviderKubernetes.builder().configPath(KUBECONFIG).configContext(CONTEXT).build())
        .build();
  }
}

package io.otelstack.constructs.metrics;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.kubernetes.cluster_role_binding_v1.ClusterRoleBindingV1;
import com.hashicorp.cdktf.providers.kubernetes.cluster_role_binding_v1.ClusterRoleBindingV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.cluster_role_binding_v1.ClusterRoleBindingV1RoleRef;
import com.hashicorp.cdktf.providers.kubernetes.cluster_role_binding_v1.ClusterRoleBindingV1Subject;
import com.hashicorp.cdktf.providers.kubernetes.cluster_role_v1.ClusterRoleV1;
import com.hashicorp.cdktf.providers.kubernetes.cluster_role_v1.ClusterRoleV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.cluster_role_v1.ClusterRoleV1Rule;
import com.hashicorp.cdktf.providers.kubernetes.service_account_v1.ServiceAccountV1;
import com.hashicorp.cdktf.providers.kubernetes.service_account_v1.ServiceAccountV1Metadata;
import java.util.List;
import software.constructs.Construct;

/**
 * The {@link TargetAllocator}'s own identity and least-privilege RBAC: a ServiceAccount and a
 * ClusterRole that can only read pods and nodes, bound to it.
 *
 * <p>Created as children of the allocator itself ({@code ServiceAccount}, {@code ClusterRole},
 * {@code ClusterRoleBinding}), not of a scope of their own: their ids are Terraform addresses.
 */
final class AllocatorRbac {
  private AllocatorRbac() {}

  /**
   * Creates the ServiceAccount, ClusterRole and binding in {@code scope}.
   *
   * @param namespace the allocator's namespace
   * @param serviceAccountName the ServiceAccount the chart's pods run as
   * @param clusterRoleName name of the ClusterRole and its binding, unique in the cluster
   * @param dependsOn what must exist first (the namespace)
   * @return what the allocator's release must wait for: the ServiceAccount and the binding
   */
  static List<ITerraformDependable> create(
      Construct scope,
      String namespace,
      String serviceAccountName,
      String clusterRoleName,
      List<ITerraformDependable> dependsOn) {
    ServiceAccountV1 serviceAccount =
        ServiceAccountV1.Builder.create(scope, "ServiceAccount")
            .metadata(
                ServiceAccountV1Metadata.builder()
                    .name(serviceAccountName)
                    .namespace(namespace)
                    .build())
            // The chart mounts a projected token itself.
            .automountServiceAccountToken(false)
            .dependsOn(dependsOn)
            .build();
    ClusterRoleV1.Builder.create(scope, "ClusterRole")
        .metadata(ClusterRoleV1Metadata.builder().name(clusterRoleName).build())
        .rule(
            List.of(
                ClusterRoleV1Rule.builder()
                    .apiGroups(List.of(""))
                    // Nodes for the kubelet job's node discovery.
                    .resources(List.of("pods", "nodes"))
                    .verbs(List.of("get", "list", "watch"))
                    .build()))
        .build();
    ClusterRoleBindingV1 binding =
        ClusterRoleBindingV1.Builder.create(scope, "ClusterRoleBinding")
            .metadata(ClusterRoleBindingV1Metadata.builder().name(clusterRoleName).build())
            .roleRef(
                ClusterRoleBindingV1RoleRef.builder()
                    .apiGroup("rbac.authorization.k8s.io")
                    .kind("ClusterRole")
                    .name(clusterRoleName)
                    .build())
            .subject(
                List.of(
                    ClusterRoleBindingV1Subject.builder()
                        .kind("ServiceAccount")
                        .name(serviceAccountName)
                        .namespace(namespace)
                        .build()))
            .dependsOn(dependsOn)
            .build();
    return List.of(serviceAccount, binding);
  }
}

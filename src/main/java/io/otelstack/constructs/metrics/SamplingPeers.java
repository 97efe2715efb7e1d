package io.otelstack.constructs.metrics;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.kubernetes.role_binding_v1.RoleBindingV1;
import com.hashicorp.cdktf.providers.kubernetes.role_binding_v1.RoleBindingV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.role_binding_v1.RoleBindingV1RoleRef;
import com.hashicorp.cdktf.providers.kubernetes.role_binding_v1.RoleBindingV1Subject;
import com.hashicorp.cdktf.providers.kubernetes.role_v1.RoleV1;
import com.hashicorp.cdktf.providers.kubernetes.role_v1.RoleV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.role_v1.RoleV1Rule;
import com.hashicorp.cdktf.providers.kubernetes.service_v1.ServiceV1;
import com.hashicorp.cdktf.providers.kubernetes.service_v1.ServiceV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.service_v1.ServiceV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.service_v1.ServiceV1SpecPort;
import io.otelstack.collector.MetricsTracesCollector;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * How the replicas of a {@link MetricsTracesStatefulSet} reach each other's sampling stage: a
 * headless Service listing every replica, and a Role letting the {@code load_balancing} exporter's
 * resolver watch that Service's endpoints, in the collectors' namespace only.
 *
 * <p>Created as children of the collector itself ({@code SamplingService}, {@code ResolverRole},
 * {@code ResolverRoleBinding}), not of a scope of their own: their ids are Terraform addresses.
 */
final class SamplingPeers {
  private SamplingPeers() {}

  /**
   * Creates the Service and the resolver's RBAC in {@code scope}.
   *
   * @param serviceName the headless Service's name
   * @param releaseName the collector release, which also names its ServiceAccount
   * @param podSelector the labels of the collector pods, and only them
   * @param dependsOn what must exist first (namespace, secret)
   */
  static void create(
      Construct scope,
      String serviceName,
      String releaseName,
      String namespace,
      Map<String, String> podSelector,
      List<ITerraformDependable> dependsOn) {
    ServiceV1.Builder.create(scope, "SamplingService")
        .metadata(ServiceV1Metadata.builder().name(serviceName).namespace(namespace).build())
        .spec(
            ServiceV1Spec.builder()
                .clusterIp("None")
                .selector(podSelector)
                .port(
                    List.of(
                        ServiceV1SpecPort.builder()
                            .name("otlp-sampling")
                            .port(MetricsTracesCollector.SAMPLING_PORT)
                            .targetPort(Integer.toString(MetricsTracesCollector.SAMPLING_PORT))
                            .protocol("TCP")
                            .appProtocol("grpc")
                            .build()))
                .build())
        .dependsOn(dependsOn)
        .build();
    String roleName = releaseName + "-lb-resolver";
    RoleV1.Builder.create(scope, "ResolverRole")
        .metadata(RoleV1Metadata.builder().name(roleName).namespace(namespace).build())
        .rule(
            List.of(
                RoleV1Rule.builder()
                    .apiGroups(List.of(""))
                    .resources(List.of("endpoints"))
                    .verbs(List.of("get", "list", "watch"))
                    .build(),
                RoleV1Rule.builder()
                    .apiGroups(List.of("discovery.k8s.io"))
                    .resources(List.of("endpointslices"))
                    .verbs(List.of("get", "list", "watch"))
                    .build()))
        .dependsOn(dependsOn)
        .build();
    RoleBindingV1.Builder.create(scope, "ResolverRoleBinding")
        .metadata(RoleBindingV1Metadata.builder().name(roleName).namespace(namespace).build())
        .roleRef(
            RoleBindingV1RoleRef.builder()
                .apiGroup("rbac.authorization.k8s.io")
                .kind("Role")
                .name(roleName)
                .build())
        .subject(
            List.of(
                RoleBindingV1Subject.builder()
                    .kind("ServiceAccount")
                    // The chart names its ServiceAccount after the release's full name.
                    .name(releaseName)
                    .namespace(namespace)
                    .build()))
        .dependsOn(dependsOn)
        .build();
  }
}

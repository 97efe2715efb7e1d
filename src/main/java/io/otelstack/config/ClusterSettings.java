package io.otelstack.config;

import io.otelstack.internal.Maps;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The EKS cluster of an environment.
 *
 * @param region AWS region, e.g. {@code eu-west-1}
 * @param accountId the 12-digit AWS account the cluster lives in; guards against applying to the
 *     wrong account
 * @param kubernetesVersion EKS Kubernetes minor version, e.g. {@code 1.36}
 * @param vpc the VPC: a new one or existing subnets
 * @param endpoint access to the Kubernetes API endpoint
 * @param controlPlaneLogTypes control plane log types sent to CloudWatch
 * @param adminRoleArns IAM roles granted cluster-admin through EKS access entries
 * @param ebsCsiAddonVersion version of the {@code aws-ebs-csi-driver} add-on that provisions the
 *     queue volumes
 * @param nodeGroups managed node groups by name
 */
public record ClusterSettings(
    String region,
    String accountId,
    String kubernetesVersion,
    VpcSettings vpc,
    EndpointSettings endpoint,
    List<String> controlPlaneLogTypes,
    List<String> adminRoleArns,
    String ebsCsiAddonVersion,
    Map<String, NodeGroupSettings> nodeGroups) {
  /** Requires every part and copies the collections. */
  public ClusterSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    Objects.requireNonNull(vpc, "vpc");
    Objects.requireNonNull(endpoint, "endpoint");
    controlPlaneLogTypes = List.copyOf(controlPlaneLogTypes);
    adminRoleArns = List.copyOf(adminRoleArns);
    Objects.requireNonNull(ebsCsiAddonVersion, "ebsCsiAddonVersion");
    nodeGroups = Maps.copySorted(nodeGroups);
  }

  void check(Problems p) {
    vpc.check(p.at("vpc"));
    endpoint.check(p.at("endpoint"));
  }
}

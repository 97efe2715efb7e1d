package io.otelstack.constructs.cluster;

import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.eks_node_group.EksNodeGroup;
import com.hashicorp.cdktf.providers.aws.eks_node_group.EksNodeGroupConfig;
import com.hashicorp.cdktf.providers.aws.eks_node_group.EksNodeGroupLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.eks_node_group.EksNodeGroupScalingConfig;
import com.hashicorp.cdktf.providers.aws.eks_node_group.EksNodeGroupTaint;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappings;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappingsEbs;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateConfig;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateMetadataOptions;
import io.otelstack.ValidationException;
import java.util.List;
import software.constructs.Construct;

/**
 * An EKS managed node group of Amazon Linux 2023 (x86_64) nodes, with its node IAM role and a
 * launch template that requires IMDSv2 and encrypts the gp3 root volume.
 *
 * <p>The nodes follow the cluster's Kubernetes version, and a launch template change rolls them.
 */
public final class ManagedNodeGroup extends Construct {
  /**
   * IMDS hops allowed. 1 keeps the node role's credentials away from pods: a pod's request crosses
   * one more hop (its network namespace) than the node's own and is dropped. Pods get AWS
   * credentials from EKS Pod Identity instead (the EBS CSI controller), the EBS CSI node plugin
   * reads its zone and instance from the Kubernetes node object when IMDS is out of reach, and the
   * collectors use no EC2 metadata. Host-network pods (CNI, Pod Identity agent) keep IMDS.
   */
  static final int IMDS_HOP_LIMIT = 1;

  private final ManagedNodeGroupProps props;
  private final EksNodeGroup resource;

  /** Creates the node role, the launch template and the node group. */
  public ManagedNodeGroup(Construct scope, String id, ManagedNodeGroupProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (ManagedNodeGroupProps) is required");
    }
    this.props = props;
    EksCluster cluster = props.cluster();
    String qualifiedName = cluster.clusterName() + "-" + props.name();

    ServiceRole role =
        ServiceRole.create(
            this,
            qualifiedName + "-node",
            "ec2.amazonaws.com",
            List.of("sts:AssumeRole"),
            // The worker policy also lets the Pod Identity agent on each node exchange pods'
            // tokens for their roles' credentials (eks-auth:AssumeRoleForPodIdentity).
            List.of(
                "AmazonEKSWorkerNodePolicy",
                "AmazonEKS_CNI_Policy",
                "AmazonEC2ContainerRegistryReadOnly"));
    LaunchTemplate launchTemplate =
        new LaunchTemplate(
            this,
            "LaunchTemplate",
            LaunchTemplateConfig.builder()
                .name(qualifiedName)
                .description("Nodes of EKS node group " + qualifiedName)
                .updateDefaultVersion(true)
                .metadataOptions(
                    LaunchTemplateMetadataOptions.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(IMDS_HOP_LIMIT)
                        .build())
                .blockDeviceMappings(
                    List.of(
                        LaunchTemplateBlockDeviceMappings.builder()
                            // The root device of Amazon Linux 2023 EKS AMIs.
                            .deviceName("/dev/xvda")
                            .ebs(
                                LaunchTemplateBlockDeviceMappingsEbs.builder()
                                    .volumeType("gp3")
                                    .volumeSize(props.diskSizeGi())
                                    .encrypted("true")
                                    .deleteOnTermination("true")
                                    .build())
                            .build()))
                .build());

    EksNodeGroupConfig.Builder config =
        EksNodeGroupConfig.builder()
            .clusterName(cluster.name())
            .nodeGroupName(props.name())
            .nodeRoleArn(role.role().getArn())
            .subnetIds(cluster.subnetIds())
            .version(cluster.kubernetesVersion())
            .amiType("AL2023_x86_64_STANDARD")
            .capacityType(props.capacityType().name())
            .instanceTypes(props.instanceTypes())
            .scalingConfig(
                EksNodeGroupScalingConfig.builder()
                    .minSize(props.minSize())
                    .maxSize(props.maxSize())
                    .desiredSize(props.desiredSize())
                    .build())
            .launchTemplate(
                EksNodeGroupLaunchTemplate.builder()
                    .id(launchTemplate.getId())
                    .version(Token.asString(launchTemplate.getLatestVersion()))
                    .build())
            // Nodes cannot join until the role has its policies, and on destroy the policies
            // must outlive the nodes.
            .dependsOn(role.attachments());
    if (!props.labels().isEmpty()) {
      config.labels(props.labels());
    }
    if (!props.taints().isEmpty()) {
      config.taint(
          props.taints().stream()
              .map(
                  t ->
                      EksNodeGroupTaint.builder()
                          .key(t.key())
                          .value(t.value().isEmpty() ? null : t.value())
                          .effect(t.effect().name())
                          .build())
              .toList());
    }
    resource = new EksNodeGroup(this, "Resource", config.build());
  }

  /** The node group name. */
  public String name() {
    return props.name();
  }

  /** The taints on the group's nodes. */
  public List<Taint> taints() {
    return props.taints();
  }

  /** The node group resource, for resources that need nodes to exist first. */
  EksNodeGroup resource() {
    return resource;
  }
}

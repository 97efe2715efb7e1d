package io.otelstack.constructs.cluster;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.eks_addon.EksAddon;
import com.hashicorp.cdktf.providers.aws.eks_addon.EksAddonConfig;
import com.hashicorp.cdktf.providers.aws.eks_addon.EksAddonPodIdentityAssociation;
import io.otelstack.ValidationException;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * The Amazon EBS CSI driver as a pinned EKS add-on, which the collectors' persistent-queue PVCs
 * need, with an IAM role holding only {@code AmazonEBSCSIDriverPolicy}.
 *
 * <p>The controller gets its role through EKS Pod Identity rather than IRSA. IRSA needs an IAM OIDC
 * provider per cluster, with the issuer's TLS thumbprint (one more provider, {@code tls}, or a
 * hard-coded value) and a trust policy naming the cluster's issuer URL and service account. Pod
 * Identity needs only the {@code eks-pod-identity-agent} add-on, installed here, and an association
 * the add-on itself creates: the trust policy is the same for every cluster, and the binding to
 * {@code kube-system/ebs-csi-controller-sa} is an EKS API object in Terraform state.
 *
 * <p>The driver's node plugin tolerates every taint, so volumes also attach on dedicated nodes.
 */
public final class EbsCsiDriver extends Construct {
  private static final String ADDON_NAME = "aws-ebs-csi-driver";

  private static final String CONTROLLER_SERVICE_ACCOUNT = "ebs-csi-controller-sa";

  private final EbsCsiDriverProps props;

  /** Installs the agent and the driver; fails when no node group can run the controller. */
  public EbsCsiDriver(Construct scope, String id, EbsCsiDriverProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (EbsCsiDriverProps) is required");
    }
    this.props = props;
    if (props.nodeGroups().stream()
        .allMatch(g -> g.taints().stream().anyMatch(Taint::repelsPods))) {
      throw new ValidationException(
          getNode().getPath()
              + ": every node group in EbsCsiDriverProps.nodeGroups "
              + props.nodeGroups().stream().map(ManagedNodeGroup::name).toList()
              + " has a NO_SCHEDULE or NO_EXECUTE taint, which the EBS CSI controller does not"
              + " tolerate; add a node group without such taints");
    }
    EksCluster cluster = props.cluster();

    EksAddon agent =
        new EksAddon(
            this,
            "PodIdentityAgent",
            EksAddonConfig.builder()
                .clusterName(cluster.name())
                .addonName("eks-pod-identity-agent")
                .addonVersion(props.podIdentityAgentVersion())
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("OVERWRITE")
                .build());
    ServiceRole role =
        ServiceRole.create(
            this,
            cluster.clusterName() + "-ebs-csi-driver",
            "pods.eks.amazonaws.com",
            // Pod Identity tags the session with the cluster, namespace and service account.
            List.of("sts:AssumeRole", "sts:TagSession"),
            List.of("service-role/AmazonEBSCSIDriverPolicy"));

    List<ITerraformDependable> prerequisites = new ArrayList<>(role.attachments());
    prerequisites.add(agent);
    props.nodeGroups().forEach(g -> prerequisites.add(g.resource()));
    new EksAddon(
        this,
        "Resource",
        EksAddonConfig.builder()
            .clusterName(cluster.name())
            .addonName(ADDON_NAME)
            .addonVersion(props.addonVersion())
            .podIdentityAssociation(
                List.of(
                    EksAddonPodIdentityAssociation.builder()
                        .serviceAccount(CONTROLLER_SERVICE_ACCOUNT)
                        .roleArn(role.role().getArn())
                        .build()))
            // Terraform owns the add-on's configuration: drift made by hand is overwritten.
            .resolveConflictsOnCreate("OVERWRITE")
            .resolveConflictsOnUpdate("OVERWRITE")
            .dependsOn(prerequisites)
            .build());
  }

  /** The pinned add-on version. */
  public String addonVersion() {
    return props.addonVersion();
  }
}

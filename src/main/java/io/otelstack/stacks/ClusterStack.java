package io.otelstack.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.config.Environment;
import io.otelstack.config.NodeGroupSettings;
import io.otelstack.constructs.cluster.ClusterNetwork;
import io.otelstack.constructs.cluster.ClusterNetworkProps;
import io.otelstack.constructs.cluster.ClusterNetworkPropsBuilder;
import io.otelstack.constructs.cluster.EbsCsiDriver;
import io.otelstack.constructs.cluster.EbsCsiDriverProps;
import io.otelstack.constructs.cluster.EksCluster;
import io.otelstack.constructs.cluster.EksClusterProps;
import io.otelstack.constructs.cluster.ManagedNodeGroup;
import io.otelstack.constructs.cluster.ManagedNodeGroupProps;
import io.otelstack.constructs.secrets.CoralogixSecret;
import io.otelstack.constructs.secrets.CoralogixSecretProps;
import io.otelstack.internal.Names;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * {@code <env>-cluster}: everything on the AWS side that the telemetry stack needs to exist: the
 * network, the EKS cluster and its node groups, the EBS CSI driver that provisions the queue PVCs,
 * and the Secrets Manager secret holding the Coralogix key.
 *
 * <p>Its outputs (cluster name, endpoint, CA, secret ARN) are for operators and other stacks. The
 * telemetry stack does not read them through remote state: it looks the cluster and the secret up
 * by their deterministic names with data sources, so the two stacks share no state backend access
 * and the telemetry stack can also run against a cluster this project did not create.
 */
public final class ClusterStack extends TerraformStack {
  private final EksCluster cluster;
  private final CoralogixSecret coralogixSecret;

  /** Builds the cluster stack of one environment. */
  public ClusterStack(Construct scope, String id, Environment env) {
    super(scope, id);
    StackFoundation.backend(this, env, "cluster");
    StackFoundation.aws(this, env);
    var c = env.cluster();
    String clusterName = StackFoundation.clusterName(env);

    ClusterNetworkPropsBuilder network = ClusterNetworkProps.builder().clusterName(clusterName);
    if (c.vpc().create()) {
      network.vpcCidr(c.vpc().cidr());
    } else {
      network.existingSubnetIds(c.vpc().existingSubnetIds());
    }
    ClusterNetwork net = new ClusterNetwork(this, "Network", network.build());

    this.cluster =
        new EksCluster(
            this,
            "Cluster",
            EksClusterProps.builder()
                .clusterName(clusterName)
                .kubernetesVersion(c.kubernetesVersion())
                .network(net)
                .endpointPublicAccess(c.endpoint().publicAccess())
                .publicAccessCidrs(c.endpoint().publicAccessCidrs())
                .controlPlaneLogTypes(c.controlPlaneLogTypes())
                .adminRoleArns(c.adminRoleArns())
                .build());

    Construct groups = new Construct(this, "NodeGroups");
    List<ManagedNodeGroup> nodeGroups = new ArrayList<>();
    c.nodeGroups().forEach((name, g) -> nodeGroups.add(nodeGroup(groups, name, g)));

    new EbsCsiDriver(
        this,
        "EbsCsi",
        EbsCsiDriverProps.builder()
            .cluster(cluster)
            .addonVersion(c.ebsCsiAddonVersion())
            .nodeGroups(nodeGroups)
            .build());

    this.coralogixSecret =
        new CoralogixSecret(
            this,
            "CoralogixSecret",
            new CoralogixSecretProps(
                env.coralogix().privateKeySecretName(), env.coralogix().createSecret()));

    output("cluster_name", cluster.name(), "EKS cluster name; the telemetry stack looks it up");
    output("cluster_endpoint", cluster.endpoint(), "Kubernetes API server endpoint");
    output(
        "cluster_certificate_authority_data",
        cluster.certificateAuthorityData(),
        "Base64 CA bundle of the API server");
    output(
        "coralogix_secret_arn",
        coralogixSecret.secretArn(),
        "Secrets Manager secret to put the Coralogix private key into");
  }

  private ManagedNodeGroup nodeGroup(Construct scope, String name, NodeGroupSettings g) {
    return new ManagedNodeGroup(
        scope,
        Names.pascal(name),
        ManagedNodeGroupProps.builder()
            .cluster(cluster)
            .name(name)
            .instanceTypes(g.instanceTypes())
            .capacityType(g.capacityType())
            .minSize(g.minSize())
            .maxSize(g.maxSize())
            .desiredSize(g.desiredSize())
            .diskSizeGi(g.diskSizeGi())
            .labels(g.labels())
            .taints(g.taints())
            .build());
  }

  private void output(String name, String value, String description) {
    TerraformOutput.Builder.create(this, name).value(value).description(description).build();
  }

  /** The cluster, for stacks composed in the same app. */
  public EksCluster cluster() {
    return cluster;
  }

  /** The Coralogix key's secret. */
  public CoralogixSecret coralogixSecret() {
    return coralogixSecret;
  }
}

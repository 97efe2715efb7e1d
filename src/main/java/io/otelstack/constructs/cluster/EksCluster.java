package io.otelstack.constructs.cluster;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.eks_access_entry.EksAccessEntry;
import com.hashicorp.cdktf.providers.aws.eks_access_entry.EksAccessEntryConfig;
import com.hashicorp.cdktf.providers.aws.eks_access_policy_association.EksAccessPolicyAssociation;
import com.hashicorp.cdktf.providers.aws.eks_access_policy_association.EksAccessPolicyAssociationAccessScope;
import com.hashicorp.cdktf.providers.aws.eks_access_policy_association.EksAccessPolicyAssociationConfig;
import com.hashicorp.cdktf.providers.aws.eks_cluster.EksClusterAccessConfig;
import com.hashicorp.cdktf.providers.aws.eks_cluster.EksClusterConfig;
import com.hashicorp.cdktf.providers.aws.eks_cluster.EksClusterEncryptionConfig;
import com.hashicorp.cdktf.providers.aws.eks_cluster.EksClusterEncryptionConfigProvider;
import com.hashicorp.cdktf.providers.aws.eks_cluster.EksClusterVpcConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAliasConfig;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKeyConfig;
import io.otelstack.ValidationException;
import io.otelstack.internal.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An EKS cluster: its IAM role, a KMS key (rotated yearly) for envelope encryption of Kubernetes
 * secrets, its control-plane log group, and access entries for the admin roles.
 *
 * <p>Authentication is by access entries only ({@code API} mode): who may use the cluster is
 * Terraform state, not an {@code aws-auth} ConfigMap that anyone with cluster access could edit.
 */
public final class EksCluster extends Construct {
  private static final String CLUSTER_ADMIN_POLICY =
      "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

  private final EksClusterProps props;
  private final com.hashicorp.cdktf.providers.aws.eks_cluster.EksCluster resource;

  /** Creates the cluster; fails when the network was made for another cluster. */
  public EksCluster(Construct scope, String id, EksClusterProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(getNode().getPath() + ": props (EksClusterProps) is required");
    }
    this.props = props;
    if (!props.network().clusterName().equals(props.clusterName())) {
      throw new ValidationException(
          getNode().getPath()
              + ": ClusterNetworkProps.clusterName ("
              + props.network().clusterName()
              + ") must equal EksClusterProps.clusterName ("
              + props.clusterName()
              + "), since the subnets are tagged for the cluster they serve; create the"
              + " ClusterNetwork with the same clusterName");
    }
    String name = props.clusterName();

    ServiceRole role =
        ServiceRole.create(
            this,
            name + "-cluster",
            "eks.amazonaws.com",
            List.of("sts:AssumeRole"),
            List.of("AmazonEKSClusterPolicy"));
    EncryptedLogGroup.Where where = EncryptedLogGroup.Where.of(this);
    KmsKey key =
        new KmsKey(
            this,
            "KmsKey",
            KmsKeyConfig.builder()
                .description("Envelope encryption of Kubernetes secrets in EKS cluster " + name)
                .enableKeyRotation(true)
                .policy(PolicyDocument.of(PolicyDocument.accountRoot(where.accountId())))
                .build());
    new KmsAlias(
        this,
        "KmsAlias",
        KmsAliasConfig.builder().name("alias/eks/" + name).targetKeyId(key.getKeyId()).build());
    Map<String, Object> useKey = new LinkedHashMap<>();
    useKey.put("Effect", "Allow");
    useKey.put(
        "Action", List.of("kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"));
    useKey.put("Resource", key.getArn());
    IamRolePolicy keyAccess =
        new IamRolePolicy(
            this,
            "KmsKeyAccess",
            IamRolePolicyConfig.builder()
                .name("secrets-encryption")
                .role(role.role().getName())
                .policy(ServiceRole.policy(useKey))
                .build());

    // EKS creates the cluster before it can use the role, so every grant must exist first.
    List<ITerraformDependable> prerequisites = new ArrayList<>(role.attachments());
    prerequisites.add(keyAccess);
    if (!props.controlPlaneLogTypes().isEmpty()) {
      prerequisites.add(
          EncryptedLogGroup.create(
              this, "LogGroup", where, "/aws/eks/" + name + "/cluster", "EKS control plane"));
    }

    EksClusterVpcConfig.Builder endpoint =
        EksClusterVpcConfig.builder()
            .subnetIds(props.network().privateSubnetIds())
            .endpointPrivateAccess(true)
            .endpointPublicAccess(props.endpointPublicAccess());
    if (props.endpointPublicAccess()) {
      endpoint.publicAccessCidrs(props.publicAccessCidrs());
    }
    resource =
        new com.hashicorp.cdktf.providers.aws.eks_cluster.EksCluster(
            this,
            "Resource",
            EksClusterConfig.builder()
                .name(name)
                .version(props.kubernetesVersion())
                .roleArn(role.role().getArn())
                .vpcConfig(endpoint.build())
                .encryptionConfig(
                    EksClusterEncryptionConfig.builder()
                        .resources(List.of("secrets"))
                        .provider(
                            EksClusterEncryptionConfigProvider.builder()
                                .keyArn(key.getArn())
                                .build())
                        .build())
                .enabledClusterLogTypes(props.controlPlaneLogTypes())
                .accessConfig(
                    EksClusterAccessConfig.builder()
                        .authenticationMode("API")
                        // The telemetry stack installs its charts as the identity that created
                        // the cluster, so that identity keeps cluster-admin.
                        .bootstrapClusterCreatorAdminPermissions(true)
                        .build())
                .dependsOn(prerequisites)
                .build());

    Construct admins = new Construct(this, "AdminAccess");
    for (String arn : props.adminRoleArns()) {
      Construct admin = new Construct(admins, EksClusterProps.accessEntryId(arn));
      EksAccessEntry entry =
          new EksAccessEntry(
              admin,
              "Entry",
              EksAccessEntryConfig.builder()
                  .clusterName(resource.getName())
                  .principalArn(arn)
                  .type("STANDARD")
                  .build());
      new EksAccessPolicyAssociation(
          admin,
          "ClusterAdmin",
          EksAccessPolicyAssociationConfig.builder()
              .clusterName(resource.getName())
              .principalArn(entry.getPrincipalArn())
              .policyArn(CLUSTER_ADMIN_POLICY)
              .accessScope(EksAccessPolicyAssociationAccessScope.builder().type("cluster").build())
              .build());
    }
  }

  /** The cluster name, as a token that makes its users depend on the cluster. */
  public String name() {
    return resource.getName();
  }

  /** The cluster name from the props, for deriving other names at synth time. */
  public String clusterName() {
    return props.clusterName();
  }

  /** The cluster ARN (token). */
  public String arn() {
    return resource.getArn();
  }

  /** The Kubernetes API endpoint URL (token). */
  public String endpoint() {
    return resource.getEndpoint();
  }

  /** The base64-encoded certificate authority of the API endpoint (token). */
  public String certificateAuthorityData() {
    return resource.getCertificateAuthority().get(0).getData();
  }

  /** The cluster's Kubernetes version (token), which node groups follow. */
  public String kubernetesVersion() {
    return resource.getVersion();
  }

  /** The subnets of the cluster, where its node groups also go. */
  public List<String> subnetIds() {
    return props.network().privateSubnetIds();
  }
}

package io.otelstack.constructs.cluster;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Names;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Props of {@link EksCluster}.
 *
 * @param clusterName the EKS cluster name; it also prefixes the names of the cluster's IAM roles,
 *     KMS alias and launch templates; required
 * @param kubernetesVersion the Kubernetes minor version, one that {@link EksVersions} lists, e.g.
 *     {@code 1.36}; required. Raise it one minor version at a time: EKS refuses to skip one.
 * @param network the subnets the cluster's network interfaces go in; created for the same {@code
 *     clusterName}; required
 * @param endpointPublicAccess whether the Kubernetes API also has a public endpoint, reachable from
 *     {@code publicAccessCidrs} only. The private endpoint is always on. Default: false.
 * @param publicAccessCidrs the CIDR blocks allowed to reach the public endpoint; required when it
 *     is on, and must be empty when it is off. {@code 0.0.0.0/0} is refused. Default: none.
 * @param controlPlaneLogTypes the control-plane logs sent to CloudWatch, among {@code api}, {@code
 *     audit}, {@code authenticator}, {@code controllerManager} and {@code scheduler}. Default:
 *     {@code api}, {@code audit} and {@code authenticator}.
 * @param adminRoleArns IAM roles given cluster-admin access through access entries. Leave out the
 *     identity that runs Terraform: EKS makes the cluster's creator an admin already, and a second
 *     entry for the same principal fails. Default: none.
 */
@RecordBuilder
public record EksClusterProps(
    String clusterName,
    String kubernetesVersion,
    ClusterNetwork network,
    Boolean endpointPublicAccess,
    List<String> publicAccessCidrs,
    List<String> controlPlaneLogTypes,
    List<String> adminRoleArns) {
  /**
   * The longest cluster name: IAM role names are derived from it ({@code <cluster>-<group>-node}
   * with a node group name of up to {@value ManagedNodeGroupProps#NAME_MAX_LENGTH} characters) and
   * IAM caps them at 64 characters.
   */
  static final int CLUSTER_NAME_MAX_LENGTH = 38;

  /** The log types EKS accepts, in the order the EKS API documents them. */
  public static final List<String> LOG_TYPES =
      List.of("api", "audit", "authenticator", "controllerManager", "scheduler");

  private static final List<String> DEFAULT_LOG_TYPES = List.of("api", "audit", "authenticator");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws:iam::\\d{12}:role/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires name, version and network; applies defaults; checks endpoint access and logs. */
  public EksClusterProps {
    checkClusterName("EksClusterProps.clusterName", clusterName);
    CHECK.required("EksClusterProps.kubernetesVersion", kubernetesVersion);
    EksVersions.requireKnown("EksClusterProps.kubernetesVersion", kubernetesVersion);
    CHECK.required("EksClusterProps.network", network);
    endpointPublicAccess = endpointPublicAccess != null && endpointPublicAccess;
    publicAccessCidrs = publicAccessCidrs == null ? List.of() : List.copyOf(publicAccessCidrs);
    checkEndpointAccess(endpointPublicAccess, publicAccessCidrs);
    controlPlaneLogTypes =
        controlPlaneLogTypes == null ? DEFAULT_LOG_TYPES : List.copyOf(controlPlaneLogTypes);
    for (String type : controlPlaneLogTypes) {
      if (!LOG_TYPES.contains(type)) {
        throw new ValidationException(
            "EksClusterProps.controlPlaneLogTypes contains "
                + type
                + ", which is not a control-plane log type; use any of "
                + String.join(", ", LOG_TYPES));
      }
    }
    adminRoleArns = adminRoleArns == null ? List.of() : List.copyOf(adminRoleArns);
    checkAdminRoles(adminRoleArns);
  }

  /** Fails unless {@code value} is a cluster name this project can derive IAM names from. */
  static void checkClusterName(String prop, String value) {
    CHECK.letterDnsLabel(
        prop,
        value,
        CLUSTER_NAME_MAX_LENGTH,
        "IAM role names are derived from it and IAM caps them at 64 characters");
  }

  private static void checkEndpointAccess(boolean publicAccess, List<String> cidrs) {
    if (publicAccess && cidrs.isEmpty()) {
      throw new ValidationException(
          "EksClusterProps.endpointPublicAccess is true but EksClusterProps.publicAccessCidrs is"
              + " empty; list the CIDR blocks allowed to reach the public endpoint, e.g."
              + " 203.0.113.0/24, or set EksClusterProps.endpointPublicAccess to false");
    }
    if (!publicAccess && !cidrs.isEmpty()) {
      throw new ValidationException(
          "EksClusterProps.publicAccessCidrs "
              + cidrs
              + " is set but EksClusterProps.endpointPublicAccess is false; set"
              + " EksClusterProps.endpointPublicAccess to true to open the public endpoint to them,"
              + " or remove them");
    }
    for (String cidr : cidrs) {
      CHECK.cidr("EksClusterProps.publicAccessCidrs entry", cidr);
      if (cidr.endsWith("/0")) {
        throw new ValidationException(
            "EksClusterProps.publicAccessCidrs contains "
                + cidr
                + ", which opens the Kubernetes API to the whole internet; list only the CIDR"
                + " blocks that need access");
      }
    }
  }

  private static void checkAdminRoles(List<String> arns) {
    Map<String, String> byId = new HashMap<>();
    for (String arn : arns) {
      if (!ROLE_ARN.matcher(arn).matches()) {
        throw new ValidationException(
            "EksClusterProps.adminRoleArns contains "
                + arn
                + ", which is not an IAM role ARN such as"
                + " arn:aws:iam::111111111111:role/platform-admin");
      }
      String previous = byId.put(accessEntryId(arn), arn);
      if (previous != null) {
        throw new ValidationException(
            "EksClusterProps.adminRoleArns contains "
                + previous
                + " and "
                + arn
                + ", whose role names are the same; each admin role's access entry is named"
                + " after its role, so list each role once and give different roles different"
                + " names");
      }
    }
  }

  /**
   * The construct ID of an admin role's access entry: the role name in PascalCase, so that adding
   * or removing one role never renames (and so recreates) the others' entries.
   */
  static String accessEntryId(String roleArn) {
    return Names.pascal(roleArn.substring(roleArn.lastIndexOf('/') + 1));
  }

  /** A builder; {@code clusterName}, {@code kubernetesVersion} and {@code network} are required. */
  public static EksClusterPropsBuilder builder() {
    return EksClusterPropsBuilder.builder();
  }
}

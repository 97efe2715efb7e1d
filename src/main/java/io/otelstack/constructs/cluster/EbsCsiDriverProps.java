package io.otelstack.constructs.cluster;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Props of {@link EbsCsiDriver}.
 *
 * @param cluster the cluster to install the driver in; required
 * @param addonVersion the pinned {@code aws-ebs-csi-driver} add-on version, e.g. {@code
 *     v1.61.0-eksbuild.1}; {@code aws eks describe-addon-versions --addon-name aws-ebs-csi-driver}
 *     lists those for a Kubernetes version; required
 * @param podIdentityAgentVersion the pinned {@code eks-pod-identity-agent} add-on version. Default:
 *     {@value #DEFAULT_POD_IDENTITY_AGENT_VERSION}.
 * @param nodeGroups the node groups the driver's controller can run on; the add-on is created after
 *     them, since it only becomes active once its pods are scheduled. At least one must have no
 *     taint that repels pods, as the controller tolerates none; required.
 */
@RecordBuilder
public record EbsCsiDriverProps(
    EksCluster cluster,
    String addonVersion,
    String podIdentityAgentVersion,
    List<ManagedNodeGroup> nodeGroups) {
  /** The agent version pinned when none is given. */
  public static final String DEFAULT_POD_IDENTITY_AGENT_VERSION = "v1.3.8-eksbuild.2";

  private static final Checks CHECK = new Checks(ValidationException::new);
  private static final Pattern ADDON_VERSION =
      Pattern.compile("v\\d+\\.\\d+\\.\\d+-eksbuild\\.\\d+");

  /** Requires cluster, version and node groups; applies the agent version default. */
  public EbsCsiDriverProps {
    CHECK.required("EbsCsiDriverProps.cluster", cluster);
    checkVersion("EbsCsiDriverProps.addonVersion", addonVersion, "v1.61.0-eksbuild.1");
    podIdentityAgentVersion =
        podIdentityAgentVersion == null
            ? DEFAULT_POD_IDENTITY_AGENT_VERSION
            : podIdentityAgentVersion;
    checkVersion(
        "EbsCsiDriverProps.podIdentityAgentVersion",
        podIdentityAgentVersion,
        DEFAULT_POD_IDENTITY_AGENT_VERSION);
    nodeGroups = nodeGroups == null ? List.of() : List.copyOf(nodeGroups);
    if (nodeGroups.isEmpty()) {
      throw new ValidationException(
          "EbsCsiDriverProps.nodeGroups is empty; pass the node groups the driver's controller runs"
              + " on, because the add-on never becomes active without nodes");
    }
  }

  private static void checkVersion(String prop, String value, String example) {
    CHECK.required(prop, value);
    if (!ADDON_VERSION.matcher(value).matches()) {
      throw new ValidationException(
          prop + " (" + value + ") must be an EKS add-on version such as " + example);
    }
  }

  /** A builder; {@code cluster}, {@code addonVersion} and {@code nodeGroups} are required. */
  public static EbsCsiDriverPropsBuilder builder() {
    return EbsCsiDriverPropsBuilder.builder();
  }
}

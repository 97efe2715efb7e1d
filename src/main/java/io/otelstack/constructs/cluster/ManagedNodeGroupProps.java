package io.otelstack.constructs.cluster;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Maps;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Props of {@link ManagedNodeGroup}.
 *
 * @param cluster the cluster the nodes join; required
 * @param name the node group name, unique in the cluster; it also names the node IAM role and the
 *     launch template; required
 * @param instanceTypes EC2 instance types, x86_64; EKS picks among them (for spot, list several of
 *     the same size to reduce interruptions); required, at least one
 * @param capacityType on-demand or spot. Default: {@link CapacityType#ON_DEMAND}.
 * @param minSize the fewest nodes. Default: 2, so that losing one node leaves one running.
 * @param maxSize the most nodes. Default: 4.
 * @param desiredSize the nodes to run now, between {@code minSize} and {@code maxSize}. Default:
 *     {@code minSize}.
 * @param diskSizeGi each node's root volume (gp3, encrypted), which also holds container images and
 *     logs; at least 20. Default: 50 GiB.
 * @param labels Kubernetes labels put on each node. Default: none.
 * @param taints Kubernetes taints put on each node. Default: none.
 */
@RecordBuilder
public record ManagedNodeGroupProps(
    EksCluster cluster,
    String name,
    List<String> instanceTypes,
    CapacityType capacityType,
    Integer minSize,
    Integer maxSize,
    Integer desiredSize,
    Integer diskSizeGi,
    Map<String, String> labels,
    List<Taint> taints) {
  /**
   * The longest node group name: it is part of the node role name {@code <cluster>-<name>-node},
   * which IAM caps at 64 characters.
   */
  static final int NAME_MAX_LENGTH = 20;

  /** The size of the EKS-optimized AMI's root snapshot; a smaller volume cannot boot. */
  static final int MIN_DISK_SIZE_GI = 20;

  private static final Checks CHECK = new Checks(ValidationException::new);
  private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");

  /** Requires cluster, name and instance types; applies defaults; checks the scaling bounds. */
  public ManagedNodeGroupProps {
    CHECK.required("ManagedNodeGroupProps.cluster", cluster);
    CHECK.letterDnsLabel(
        "ManagedNodeGroupProps.name",
        name,
        NAME_MAX_LENGTH,
        "the node IAM role name <cluster>-<name>-node must fit IAM's 64 characters");
    // Names the group too: a cluster has several, and Main maps this to the file's field path.
    String prefix = "ManagedNodeGroupProps[" + name + "].";
    instanceTypes = instanceTypes == null ? List.of() : List.copyOf(instanceTypes);
    if (instanceTypes.isEmpty()) {
      throw new ValidationException(
          prefix + "instanceTypes is empty; list at least one EC2 instance type, e.g. m6i.large");
    }
    for (String type : instanceTypes) {
      if (!INSTANCE_TYPE.matcher(type).matches()) {
        throw new ValidationException(
            prefix
                + "instanceTypes contains "
                + type
                + ", which is not an EC2 instance type such as m6i.large");
      }
    }
    capacityType = capacityType == null ? CapacityType.ON_DEMAND : capacityType;
    minSize = minSize == null ? 2 : minSize;
    maxSize = maxSize == null ? 4 : maxSize;
    desiredSize = desiredSize == null ? minSize : desiredSize;
    if (minSize < 0) {
      throw new ValidationException(prefix + "minSize (" + minSize + ") must be >= 0");
    }
    if (maxSize < 1) {
      throw new ValidationException(prefix + "maxSize (" + maxSize + ") must be >= 1");
    }
    if (minSize > desiredSize) {
      throw new ValidationException(
          prefix
              + "minSize ("
              + minSize
              + ") must be <= "
              + prefix
              + "desiredSize ("
              + desiredSize
              + "); lower minSize or raise desiredSize");
    }
    if (desiredSize > maxSize) {
      throw new ValidationException(
          prefix
              + "desiredSize ("
              + desiredSize
              + ") must be <= "
              + prefix
              + "maxSize ("
              + maxSize
              + "); lower desiredSize or raise maxSize");
    }
    diskSizeGi = diskSizeGi == null ? 50 : diskSizeGi;
    if (diskSizeGi < MIN_DISK_SIZE_GI) {
      throw new ValidationException(
          prefix
              + "diskSizeGi ("
              + diskSizeGi
              + ") must be >= "
              + MIN_DISK_SIZE_GI
              + ", the size of the EKS-optimized AMI's root snapshot");
    }
    labels = Maps.copySorted(labels);
    taints = taints == null ? List.of() : List.copyOf(taints);
  }

  /** A builder; {@code cluster}, {@code name} and {@code instanceTypes} are required. */
  public static ManagedNodeGroupPropsBuilder builder() {
    return ManagedNodeGroupPropsBuilder.builder();
  }
}

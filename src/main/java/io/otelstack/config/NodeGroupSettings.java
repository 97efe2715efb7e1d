package io.otelstack.config;

import io.otelstack.internal.Maps;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One EKS managed node group.
 *
 * <p>Rule checked when loaded: {@code minSize <= desiredSize <= maxSize}.
 *
 * @param instanceTypes EC2 instance types, first preferred; several help SPOT find capacity
 * @param capacityType on-demand or spot instances
 * @param minSize fewest nodes
 * @param maxSize most nodes
 * @param desiredSize nodes at creation (the autoscaler moves it afterwards)
 * @param diskSizeGi root volume size of each node, in GiB
 * @param labels Kubernetes labels on every node
 * @param taints Kubernetes taints on every node
 */
public record NodeGroupSettings(
    List<String> instanceTypes,
    CapacityType capacityType,
    int minSize,
    int maxSize,
    int desiredSize,
    int diskSizeGi,
    Map<String, String> labels,
    List<Taint> taints) {
  /** Requires every part and copies the collections. */
  public NodeGroupSettings {
    instanceTypes = List.copyOf(instanceTypes);
    Objects.requireNonNull(capacityType, "capacityType");
    labels = Maps.copySorted(labels);
    taints = List.copyOf(taints);
  }

  void check(Problems p) {
    if (minSize > desiredSize) {
      p.add(
          p.path("minSize")
              + " ("
              + minSize
              + ") must be <= "
              + p.path("desiredSize")
              + " ("
              + desiredSize
              + "); lower minSize or raise desiredSize");
    }
    if (desiredSize > maxSize) {
      p.add(
          p.path("desiredSize")
              + " ("
              + desiredSize
              + ") must be <= "
              + p.path("maxSize")
              + " ("
              + maxSize
              + "); lower desiredSize or raise maxSize");
    }
  }
}

package io.otelstack.config;

import io.otelstack.constructs.cluster.CapacityType;
import io.otelstack.constructs.cluster.Taint;
import io.otelstack.internal.Maps;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One EKS managed node group.
 *
 * <p>{@code minSize <= desiredSize <= maxSize} is the construct's rule ({@code
 * ManagedNodeGroupProps}), checked once there.
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
}

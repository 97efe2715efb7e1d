package io.otelstack.config;

import java.util.Objects;

/**
 * Kubernetes and infrastructure metrics and events, the data behind Coralogix's Kubernetes and
 * infrastructure screens.
 *
 * <p>That a cluster collector reads something, and that its volume holds its queues, are the
 * construct's rules ({@code ClusterCollectorStatefulSetProps}), checked once there.
 *
 * @param kubeletMetrics whether each logs agent reads its node's kubelet stats
 * @param hostMetrics whether each logs agent reads its node's host metrics
 * @param clusterMetrics whether the cluster collector reports the cluster's state
 * @param kubernetesEvents whether the cluster collector sends Kubernetes events
 * @param intervalSeconds how often kubelets, hosts and the cluster state are read
 * @param eventsSubsystem Coralogix subsystem of the events
 * @param clusterCollector the cluster collector's container and queue volume
 */
public record InfrastructureSettings(
    boolean kubeletMetrics,
    boolean hostMetrics,
    boolean clusterMetrics,
    boolean kubernetesEvents,
    int intervalSeconds,
    String eventsSubsystem,
    ClusterCollectorSettings clusterCollector) {
  /** Requires every part. */
  public InfrastructureSettings {
    Objects.requireNonNull(eventsSubsystem, "eventsSubsystem");
    Objects.requireNonNull(clusterCollector, "clusterCollector");
  }

  /** Whether the environment runs a cluster collector: it reads state or events. */
  public boolean clusterCollectorEnabled() {
    return clusterMetrics || kubernetesEvents;
  }

  void check(Problems p) {
    clusterCollector.resources().check(p.at("clusterCollector").at("resources"));
  }

  /**
   * The cluster collector's container and queue volume.
   *
   * @param resources the container's CPU and memory
   * @param pvcSizeGi size of its queue volume, in GiB
   */
  public record ClusterCollectorSettings(ResourceSettings resources, int pvcSizeGi) {
    /** Requires the resources. */
    public ClusterCollectorSettings {
      Objects.requireNonNull(resources, "resources");
    }
  }
}

package io.otelstack.constructs.cluster;

/**
 * What a node taint does to pods that do not tolerate it. The names are the EKS API values, which
 * EKS maps to the Kubernetes {@code NoSchedule}, {@code NoExecute} and {@code PreferNoSchedule}.
 */
public enum TaintEffect {
  /** Such pods are not scheduled on the node. */
  NO_SCHEDULE,
  /** Such pods are not scheduled, and running ones are evicted. */
  NO_EXECUTE,
  /** The scheduler avoids the node for such pods when it can. */
  PREFER_NO_SCHEDULE
}

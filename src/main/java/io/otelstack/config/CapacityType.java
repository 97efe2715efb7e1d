package io.otelstack.config;

/** How EKS buys a node group's instances. YAML values are the constant names. */
public enum CapacityType {
  /** Regular instances: never reclaimed by AWS. */
  ON_DEMAND,
  /** Spare capacity at a discount; AWS may reclaim an instance with two minutes' notice. */
  SPOT
}

package io.otelstack.constructs.cluster;

/** How a managed node group buys its EC2 capacity. The names are the EKS API values. */
public enum CapacityType {
  /** On-demand instances: never reclaimed by AWS. */
  ON_DEMAND,
  /** Spot instances: cheaper, reclaimed with two minutes' notice. */
  SPOT
}

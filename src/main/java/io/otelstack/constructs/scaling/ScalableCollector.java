package io.otelstack.constructs.scaling;

import java.util.Optional;
import software.constructs.IConstruct;

/**
 * A collector whose replica count a {@link StackHpa} may own: only collectors that run as a
 * Deployment or StatefulSet of interchangeable replicas implement it, so a DaemonSet (one pod per
 * node, never scaled) cannot be handed to an autoscaler at all.
 */
public interface ScalableCollector extends IConstruct {
  /** The autoscaler that owns the replica count, if one does. */
  Optional<StackHpa> autoscaler();

  /**
   * Hands the replica count to {@code hpa}. Called once, by the {@link StackHpa} constructor; fails
   * if another autoscaler already owns it.
   */
  void scaleWith(StackHpa hpa);
}

package io.otelstack.config;

import java.util.Objects;

/**
 * The collectors' namespace, image and shutdown timing. The chart versions are pinned in code
 * ({@code CollectorChart}): their default values ship in the jar, so an upgrade is a code change.
 *
 * <p>How the three timings relate (the grace period covers the pre-stop delay plus one exporter
 * timeout) is the constructs' rule ({@code MetricsTracesStatefulSetProps}, {@code
 * LogsDaemonSetProps}), checked once there.
 *
 * @param namespace Kubernetes namespace of every collector resource
 * @param image the collector image
 * @param terminationGracePeriodSeconds time between SIGTERM and SIGKILL
 * @param preStopDelaySeconds pause before SIGTERM, while endpoints stop sending to the pod
 * @param exporterTimeoutSeconds timeout of one export request
 */
public record CollectorSettings(
    String namespace,
    ImageSettings image,
    int terminationGracePeriodSeconds,
    int preStopDelaySeconds,
    int exporterTimeoutSeconds) {
  /** Requires every part. */
  public CollectorSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(image, "image");
  }
}

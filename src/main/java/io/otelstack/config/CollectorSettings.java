package io.otelstack.config;

import java.util.Objects;

/**
 * The collectors' namespace, image and shutdown timing. The chart versions are pinned in code
 * ({@code CollectorChart}): their default values ship in the jar, so an upgrade is a code change.
 *
 * <p>Rule checked when loaded: {@code terminationGracePeriodSeconds >= preStopDelaySeconds +
 * exporterTimeoutSeconds}, so a send in flight finishes or times out before Kubernetes kills the
 * pod; what is still queued stays on the volume and is sent after the restart.
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

  void check(Problems p) {
    int drain = preStopDelaySeconds + exporterTimeoutSeconds;
    if (terminationGracePeriodSeconds < drain) {
      p.add(
          p.path("terminationGracePeriodSeconds")
              + " ("
              + terminationGracePeriodSeconds
              + ") must be >= "
              + p.path("preStopDelaySeconds")
              + " + "
              + p.path("exporterTimeoutSeconds")
              + " ("
              + preStopDelaySeconds
              + " + "
              + exporterTimeoutSeconds
              + " = "
              + drain
              + "), so a send in flight finishes or times out before SIGKILL (what is still"
              + " queued stays on the volume and is resent on restart); raise it to at least "
              + drain);
    }
  }
}

package io.otelstack.config;

import java.util.Objects;

/**
 * The collector container image.
 *
 * @param repository image repository, e.g. {@code otel/opentelemetry-collector-contrib}
 * @param tag pinned image tag, e.g. {@code 0.158.0}; never {@code latest}
 */
public record ImageSettings(String repository, String tag) {
  /** Requires every part. */
  public ImageSettings {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
  }
}

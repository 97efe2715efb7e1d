package io.otelstack.collector;

import io.otelstack.ValidationException;

/**
 * The collector image to run. Pinned by tag; the default is the contrib image, which carries the
 * coralogix exporter.
 *
 * @param repository image repository, e.g. {@code otel/opentelemetry-collector-contrib}
 * @param tag image tag, e.g. {@code 0.158.0}; never {@code latest}
 */
public record CollectorImage(String repository, String tag) {
  /** The contrib image at the version the pinned chart deploys. */
  public static final CollectorImage CONTRIB =
      new CollectorImage(
          "otel/opentelemetry-collector-contrib", CollectorChart.COLLECTOR.appVersion());

  /** Requires both parts and refuses floating tags. */
  public CollectorImage {
    if (repository == null || repository.isBlank()) {
      throw new ValidationException("image.repository must not be empty");
    }
    if (tag == null || tag.isBlank() || tag.equals("latest")) {
      throw new ValidationException(
          "image.tag (" + tag + ") must pin a version such as " + "0.158.0, not latest or empty");
    }
  }

  /** The executable inside the image: contrib images name it {@code otelcol-contrib}. */
  public String command() {
    return repository.endsWith("-contrib") ? "otelcol-contrib" : "otelcol";
  }
}

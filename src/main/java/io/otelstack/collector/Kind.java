package io.otelstack.collector;

/** The sections of a collector configuration that hold components. */
public enum Kind {
  /** Takes data in: OTLP, file logs, Prometheus scrapes. */
  RECEIVER("receivers"),
  /** Transforms, filters or samples data inside a pipeline. */
  PROCESSOR("processors"),
  /** Sends data out: Coralogix, another collector. */
  EXPORTER("exporters"),
  /** Runs beside the pipelines: health checks, storage for queues and checkpoints. */
  EXTENSION("extensions"),
  /** Both the exporter of one pipeline and the receiver of another. */
  CONNECTOR("connectors");

  private final String section;

  Kind(String section) {
    this.section = section;
  }

  /** The top-level key of this section in the collector configuration. */
  public String section() {
    return section;
  }
}

package io.otelstack.collector;

/** The sections of a collector configuration that hold components. */
public enum Kind {
  RECEIVER("receivers"),
  PROCESSOR("processors"),
  EXPORTER("exporters"),
  EXTENSION("extensions"),
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

package io.otelstack.collector;

/**
 * Where a collector's props send: the Coralogix domain, application and request timeout, from which
 * its exporters are made. The props of the logs agent and of the cluster collector are one.
 */
public interface CoralogixTarget {
  /** Coralogix domain, e.g. {@code eu2.coralogix.com}, or a Terraform token. */
  String coralogixDomain();

  /** Coralogix application name. */
  String coralogixApplicationName();

  /** Timeout of one send to Coralogix, in seconds. */
  Integer exporterTimeoutSeconds();

  /**
   * Where each record's application and subsystem come from. Default: {@link
   * CoralogixMapping#STATIC}, the application name and the exporter's subsystem.
   */
  default CoralogixMapping coralogixMapping() {
    return CoralogixMapping.STATIC;
  }

  /**
   * A {@code coralogix} exporter to this target, reading the key from {@link
   * CoralogixExporter#DEFAULT_PRIVATE_KEY_ENV}.
   *
   * @param name instance name; empty for the unnamed instance
   * @param subsystem the Coralogix subsystem of what it sends
   * @param queue its sending queue
   */
  default CoralogixExporter exporter(String name, String subsystem, SendingQueue queue) {
    return new CoralogixExporter(
        name,
        coralogixDomain(),
        coralogixApplicationName(),
        subsystem,
        CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
        exporterTimeoutSeconds(),
        queue,
        coralogixMapping());
  }
}

package io.otelstack.constructs.coralogix;

/**
 * The labels the collectors' own metrics carry in Coralogix, which every query selects and groups
 * by. The {@code prometheus/self} receiver turns the scrape job (the collector's release name) into
 * {@code service.name} and the collector's telemetry resource (pod, node) into resource attributes;
 * Coralogix stores resource attributes as labels with {@code _} for {@code .}, and adds the
 * application name of the exporter that sent the data.
 */
final class Labels {
  /** The Coralogix application name: one per environment. */
  static final String ENVIRONMENT = "cx_application_name";

  /** The collector: its release name, the self-scrape job. */
  static final String COLLECTOR = "service_name";

  /** One collector replica. */
  static final String POD = "k8s_pod_name";

  /** The node a collector runs on. */
  static final String NODE = "k8s_node_name";

  private Labels() {}

  /** The matcher of one environment's series, e.g. {@code cx_application_name="otel-stack"}. */
  static String environment(String applicationName) {
    return ENVIRONMENT + "=\"" + applicationName + "\"";
  }
}

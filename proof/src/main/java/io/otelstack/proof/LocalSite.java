package io.otelstack.proof;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What stands in, on one machine, for the parts of Kubernetes a collector configuration refers to.
 *
 * @param sinkEndpoint the OTLP sink standing in for Coralogix, {@code 127.0.0.1:port}
 * @param storageDir a temporary directory standing in for the PVC or hostPath of file_storage
 * @param podLogDir a temporary directory standing in for {@code /var/log/pods}
 * @param scrape the scrape configuration standing in for the Target Allocator
 * @param ports this replica's ports
 * @param samplingPeers every replica's ports, this one included: the StatefulSet's pods as the
 *     loadbalancing exporter's resolver would find them
 */
record LocalSite(
    String sinkEndpoint,
    Path storageDir,
    Path podLogDir,
    ScrapeTarget scrape,
    PortMap ports,
    List<PortMap> samplingPeers) {
  /**
   * The Target Allocator's scrape configurations, served for one synthetic pod: its job list with
   * {@code kubernetes_sd_configs} replaced by a static target carrying the labels Kubernetes
   * service discovery would have attached to that pod.
   *
   * @param scrapeConfigs the TA's generated {@code scrape_configs}, unchanged
   * @param address the target, {@code 127.0.0.1:port}
   * @param podLabels the {@code __meta_kubernetes_*} labels of the pod
   */
  record ScrapeTarget(
      List<Map<String, Object>> scrapeConfigs, String address, Map<String, String> podLabels) {
    /**
     * One pod annotated for scraping, as Kubernetes pod discovery would describe it.
     *
     * @param tierAnnotation the annotation choosing the scrape tier, e.g. {@code
     *     otel-stack.io/scrape-tier}
     * @param tier the pod's tier, e.g. {@code critical}
     */
    static ScrapeTarget pod(
        List<Map<String, Object>> scrapeConfigs,
        String address,
        String tierAnnotation,
        String tier) {
      String port = address.substring(address.lastIndexOf(':') + 1);
      Map<String, String> labels = new java.util.TreeMap<>();
      labels.put("__meta_kubernetes_namespace", "shop");
      labels.put("__meta_kubernetes_pod_name", "checkout-7d9f8-x2x4q");
      labels.put("__meta_kubernetes_pod_ip", Loopback.HOST);
      labels.put("__meta_kubernetes_pod_node_name", "proof-node");
      labels.put("__meta_kubernetes_pod_container_name", "checkout");
      labels.put("__meta_kubernetes_pod_container_port_number", port);
      labels.put("__meta_kubernetes_pod_label_app", "checkout");
      labels.put("__meta_kubernetes_pod_ready", "true");
      labels.put("__meta_kubernetes_pod_phase", "Running");
      annotate(labels, "prometheus.io/scrape", "true");
      annotate(labels, "prometheus.io/port", port);
      annotate(labels, "prometheus.io/path", "/metrics");
      annotate(labels, tierAnnotation, tier);
      return new ScrapeTarget(scrapeConfigs, address, labels);
    }

    /** Prometheus' label names for a pod annotation: value and presence. */
    private static void annotate(Map<String, String> labels, String annotation, String value) {
      String name = annotation.replaceAll("[^a-zA-Z0-9_]", "_");
      labels.put("__meta_kubernetes_pod_annotation_" + name, value);
      labels.put("__meta_kubernetes_pod_annotationpresent_" + name, "true");
    }
  }
}

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
      List<Map<String, Object>> scrapeConfigs, String address, Map<String, String> podLabels) {}
}

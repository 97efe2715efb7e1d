package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logs agent's infrastructure metrics with the real collector: prod's DaemonSet configuration
 * reads {@link KubeletSummaryStandIn} (upstream's recorded {@code /stats/summary}) and this
 * machine's host, and what reaches the sink is what Coralogix's Kubernetes and host screens read,
 * each point naming the cluster. See {@link InfrastructureMetrics} for what is swapped.
 */
class InfrastructureMetricsTest {
  private static InfrastructureMetrics.Figures figures;

  @BeforeAll
  static void runTheAgent() {
    figures = InfrastructureMetrics.agent(GeneratedStack.of("prod"), UnaryOperator.identity());
    System.out.printf(
        "infrastructure metrics: started in %.1f s, %d kubelet reads, series %s%n",
        figures.startSeconds(), figures.kubeletReads(), figures.seriesByFamily());
    for (String family : List.of("kubelet node", "kubelet per pod", "host")) {
      System.out.println(family + ": " + figures.names(family));
    }
  }

  @Test
  void startsWithoutInstanceMetadataWithinTheDetectionTimeouts() {
    // resource_detection/node runs env, eks and ec2 at start-up, 2 s each at most; this machine
    // has no instance metadata service and is no EKS node.
    assertThat(figures.startSeconds()).isLessThan(20);
  }

  @Test
  void shipsNodePodAndContainerUsageFromTheKubelet() {
    assertThat(figures.names("kubelet node"))
        .contains(
            "k8s.node.cpu.time",
            "k8s.node.memory.working_set",
            "k8s.node.filesystem.usage",
            "k8s.node.network.io");
    assertThat(figures.names("kubelet per pod"))
        .contains(
            "k8s.pod.cpu.time",
            "k8s.pod.memory.working_set",
            "k8s.pod.network.io",
            "container.cpu.time",
            "container.memory.working_set",
            "container.filesystem.usage");
  }

  @Test
  void shipsTheHostsCpuMemoryDisksFileSystemsNetworkAndLoad() {
    assertThat(figures.names("host"))
        .contains(
            "system.cpu.time",
            "system.memory.usage",
            "system.disk.io",
            "system.filesystem.usage",
            "system.network.io",
            "system.cpu.load_average.1m");
  }

  @Test
  void sendsNothingOutsideTheGuardrailsFamilies() {
    assertThat(figures.names("other")).isEmpty();
  }

  @Test
  void namesTheClusterOnEveryPoint() {
    assertThat(figures.clusterNames()).containsExactly("otel-stack-prod");
  }
}

package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local overlay changes only what cannot exist outside Kubernetes: processors, pipelines,
 * queues, retries and sampling reach the real collector exactly as generated.
 */
class LocalOverlayTest {
  private static final Pattern HOST_PORT = Pattern.compile("(?:https?://)?([^/:]+):\\d+.*");

  private static GeneratedStack stack;
  private static Path work;
  private static Map<String, Object> statefulSet;
  private static Map<String, Object> daemonSet;

  @BeforeAll
  static void overlayProd() throws Exception {
    stack = ProofStacks.underProof();
    work = Files.createTempDirectory("otel-stack-proof-overlay");
    PortMap self = new PortMap();
    LocalSite site =
        new LocalSite(
            Loopback.endpoint(Loopback.freePort()),
            work.resolve("storage"),
            work.resolve("pods"),
            stack.scrapeTarget(Loopback.endpoint(Loopback.freePort())),
            self,
            List.of(self, new PortMap()));
    statefulSet = LocalOverlay.apply(stack.statefulSetConfig(), site);
    daemonSet = LocalOverlay.apply(stack.daemonSetConfig(), site);
  }

  @AfterAll
  static void cleanUp() {
    LocalCollectors.deleteTree(work);
  }

  @Test
  void keepsEveryProcessorButK8sAttributesAsGenerated() {
    for (var c :
        List.of(
            List.of(stack.statefulSetConfig(), statefulSet),
            List.of(stack.daemonSetConfig(), daemonSet))) {
      Map<String, Object> generated =
          new java.util.LinkedHashMap<>(section(c.get(0), "processors"));
      generated.keySet().removeIf(LocalOverlay::isK8sAttributes);
      assertThat(section(c.get(1), "processors")).isEqualTo(generated);
    }
  }

  @Test
  void keepsEveryPipelineButK8sAttributesAsGenerated() {
    for (var c :
        List.of(
            List.of(stack.statefulSetConfig(), statefulSet),
            List.of(stack.daemonSetConfig(), daemonSet))) {
      Map<String, Object> generated = pipelines(c.get(0));
      Map<String, Object> local = pipelines(c.get(1));
      assertThat(local.keySet()).isEqualTo(generated.keySet());
      generated.forEach(
          (id, p) -> {
            Map<String, Object> g = map(p);
            Map<String, Object> l = map(local.get(id));
            assertThat(l.get("receivers")).isEqualTo(g.get("receivers"));
            assertThat(l.get("exporters")).isEqualTo(g.get("exporters"));
            List<Object> processors = new ArrayList<>((List<?>) g.get("processors"));
            processors.removeIf(x -> LocalOverlay.isK8sAttributes(x.toString()));
            assertThat(l.get("processors")).isEqualTo(processors);
          });
    }
  }

  @Test
  void keepsEveryQueueRetryAndRoutingKeyAsGenerated() {
    for (var c :
        List.of(
            List.of(stack.statefulSetConfig(), statefulSet),
            List.of(stack.daemonSetConfig(), daemonSet))) {
      section(c.get(0), "exporters")
          .forEach(
              (id, e) -> {
                Map<String, Object> local = map(section(c.get(1), "exporters").get(id));
                for (String key :
                    List.of("sending_queue", "retry_on_failure", "timeout", "routing_key")) {
                  assertThat(local.get(key)).as(id + "." + key).isEqualTo(map(e).get(key));
                }
              });
    }
  }

  @Test
  void keepsTheFileStorageDurabilitySettings() {
    section(stack.statefulSetConfig(), "extensions")
        .forEach(
            (id, e) -> {
              if (id.startsWith("file_storage")) {
                Map<String, Object> local = map(section(statefulSet, "extensions").get(id));
                for (String key : List.of("fsync", "recreate", "timeout")) {
                  assertThat(local.get(key)).as(id + "." + key).isEqualTo(map(e).get(key));
                }
              }
            });
  }

  @Test
  void sendsEveryCoralogixSignalToTheSinkOnLoopback() {
    section(statefulSet, "exporters")
        .forEach(
            (id, e) -> {
              if (id.startsWith("coralogix")) {
                for (String signal : List.of("traces", "metrics", "logs")) {
                  assertThat(map(map(e).get(signal)).get("endpoint").toString())
                      .startsWith(Loopback.HOST + ":");
                }
              }
            });
  }

  @Test
  void talksToNothingButLoopback() {
    List<String> hosts = new ArrayList<>();
    collectHosts(statefulSet, hosts);
    collectHosts(daemonSet, hosts);
    assertThat(hosts).isNotEmpty().allMatch(Loopback.HOST::equals);
  }

  @Test
  void inMemoryQueuesDropOnlyTheStorage() {
    Map<String, Object> memory = LocalOverlay.inMemoryQueues(statefulSet);
    section(statefulSet, "exporters")
        .forEach(
            (id, e) -> {
              Map<String, Object> expected =
                  new java.util.LinkedHashMap<>(map(map(e).get("sending_queue")));
              expected.remove("storage");
              assertThat(map(section(memory, "exporters").get(id)).get("sending_queue"))
                  .isEqualTo(expected);
            });
    Map<String, Object> withoutQueues = new java.util.LinkedHashMap<>(memory);
    Map<String, Object> original = new java.util.LinkedHashMap<>(statefulSet);
    withoutQueues.remove("exporters");
    original.remove("exporters");
    assertThat(withoutQueues).isEqualTo(original);
  }

  @Test
  void passesTheRealCollectorsValidation() {
    for (Map<String, Object> config : List.of(statefulSet, daemonSet)) {
      ExternalTools.Result r = Otelcol.validate(config);
      assertThat(r.exitCode()).as(r.output()).isZero();
    }
  }

  /** Every host of a {@code host:port} or URL string anywhere in a configuration. */
  private static void collectHosts(Object node, List<String> hosts) {
    if (node instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectHosts(v, hosts));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectHosts(v, hosts));
    } else if (node instanceof String s) {
      var matcher = HOST_PORT.matcher(s);
      if (matcher.matches() && !s.contains("${") && !s.contains("$$")) {
        hosts.add(matcher.group(1));
      }
    }
  }

  private static Map<String, Object> pipelines(Map<String, Object> config) {
    return map(map(config.get("service")).get("pipelines"));
  }

  private static Map<String, Object> section(Map<String, Object> config, String name) {
    return map(config.getOrDefault(name, Map.of()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}

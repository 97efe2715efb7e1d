package io.otelstack.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * <b>Stand-in for the kubelet</b> (no container runtime can run here): a pod-readiness reporter.
 * For every pod the real scheduler has bound to a node it reports what a kubelet would once the
 * containers started: phase Running, every container started and ready. A pod being deleted is
 * removed at once, as a kubelet does after its containers stop. It runs no containers and probes
 * nothing, so it proves placement and admission, not that the collectors work (the proof tests do
 * that with the real collector).
 */
final class KubeletStandIn extends StandIn {
  private static final ObjectMapper JSON = new ObjectMapper();

  KubeletStandIn(KubeApi api) {
    super(api, "kubelet-stand-in");
  }

  @Override
  protected void poll() {
    for (JsonNode pod : api.get("/api/v1/pods").path("items")) {
      JsonNode meta = pod.path("metadata");
      String node = pod.path("spec").path("nodeName").asText("");
      if (node.isEmpty()) {
        continue;
      }
      String path =
          "/api/v1/namespaces/"
              + meta.path("namespace").asText()
              + "/pods/"
              + meta.path("name").asText();
      if (meta.has("deletionTimestamp")) {
        api.delete(path, 0);
      } else if (!"Running".equals(pod.path("status").path("phase").asText())) {
        api.mergePatch(path + "/status", running(pod, node));
      }
    }
  }

  private static JsonNode running(JsonNode pod, String node) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode status = JSON.createObjectNode();
    status.put("phase", "Running");
    status.put("hostIP", hostIp(node));
    status.put("podIP", podIp(pod));
    status.put("startTime", now);
    ArrayNode conditions = status.putArray("conditions");
    for (String type : new String[] {"PodScheduled", "Initialized", "ContainersReady", "Ready"}) {
      conditions.addObject().put("type", type).put("status", "True").put("lastTransitionTime", now);
    }
    ArrayNode containers = status.putArray("containerStatuses");
    for (JsonNode c : pod.path("spec").path("containers")) {
      ObjectNode s = containers.addObject();
      s.put("name", c.path("name").asText());
      s.put("image", c.path("image").asText());
      s.put("imageID", "");
      s.put("ready", true);
      s.put("started", true);
      s.put("restartCount", 0);
      s.putObject("state").putObject("running").put("startedAt", now);
    }
    return JSON.createObjectNode().set("status", status);
  }

  /** A stable address per node name, in the node range the harness uses. */
  private static String hostIp(String node) {
    return "10.0."
        + Math.floorMod(node.hashCode(), 250)
        + "."
        + (1 + Math.floorMod(node.hashCode() >> 8, 250));
  }

  /** A stable address per pod UID in the pod range. */
  private static String podIp(JsonNode pod) {
    int h = pod.path("metadata").path("uid").asText().hashCode();
    return "10.244." + Math.floorMod(h, 250) + "." + (1 + Math.floorMod(h >> 8, 250));
  }
}

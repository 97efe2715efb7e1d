package io.otelstack.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The stack's NetworkPolicies as the API server admitted them, held against the pods the real
 * controllers created from the real charts. A policy whose selector matches no pod is silent: it
 * allows nothing, or denies nothing, and no apply fails. So every {@code podSelector} of a policy,
 * and every peer that names pods of the stack's namespaces, must select at least one pod, and every
 * port a policy lets in must be one a selected pod serves.
 *
 * <p>There is no CNI here, so nothing enforces the policies; this checks what they select, not what
 * they block. Peers outside the stack's namespaces (the cluster DNS in {@code kube-system}) are not
 * checked: this control plane runs no DNS pods.
 */
public final class NetworkPolicyChecks {
  private final KubeApi api;

  /** Checks against one control plane. */
  public NetworkPolicyChecks(KubeControlPlane plane) {
    this.api = plane.api();
  }

  /**
   * Every policy in the namespaces selects pods, and so does every peer within them; throws an
   * {@link AssertionError} listing each selector that selects nothing.
   *
   * @return how many policies were checked
   */
  public int everySelectorSelectsPods(Set<String> namespaces) {
    List<String> problems = new ArrayList<>();
    int policies = 0;
    for (String ns : namespaces) {
      for (JsonNode policy :
          items("/apis/networking.k8s.io/v1/namespaces/" + ns + "/networkpolicies")) {
        policies++;
        String name = ns + "/" + policy.at("/metadata/name").asText();
        List<JsonNode> selected = pods(ns, policy.at("/spec/podSelector"));
        if (selected.isEmpty()) {
          problems.add(
              name + ": podSelector " + policy.at("/spec/podSelector") + " selects no pod");
        }
        for (JsonNode rule : policy.at("/spec/ingress")) {
          peers(name, ns, rule.path("from"), "from", namespaces, problems);
          for (JsonNode port : rule.path("ports")) {
            if (port.path("port").isInt() && !serves(ns, selected, port.path("port").asInt())) {
              problems.add(
                  name
                      + ": lets in port "
                      + port.path("port")
                      + ", which no selected pod declares and no Service targets");
            }
          }
        }
        for (JsonNode rule : policy.at("/spec/egress")) {
          peers(name, ns, rule.path("to"), "to", namespaces, problems);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "NetworkPolicies that select nothing, or let in ports no pod serves:\n  "
              + String.join("\n  ", problems));
    }
    return policies;
  }

  private void peers(
      String policy,
      String ns,
      JsonNode peers,
      String direction,
      Set<String> stackNamespaces,
      List<String> problems) {
    for (JsonNode peer : peers) {
      if (!peer.has("podSelector")) {
        continue; // a namespace or ipBlock peer names no pods
      }
      List<String> inScope = new ArrayList<>();
      if (peer.has("namespaceSelector")) {
        for (JsonNode n : items("/api/v1/namespaces")) {
          String candidate = n.at("/metadata/name").asText();
          if (stackNamespaces.contains(candidate)
              && Selectors.matches(peer.get("namespaceSelector"), n.at("/metadata/labels"))) {
            inScope.add(candidate);
          }
        }
        if (inScope.isEmpty() && namesOnlyOther(peer.get("namespaceSelector"), stackNamespaces)) {
          continue;
        }
      } else {
        inScope.add(ns);
      }
      boolean any = false;
      for (String n : inScope) {
        any |= !pods(n, peer.get("podSelector")).isEmpty();
      }
      if (!any) {
        problems.add(policy + ": " + direction + " peer " + peer + " selects no pod");
      }
    }
  }

  /** Whether a namespace selector names a namespace by name, and not one of the stack's. */
  private static boolean namesOnlyOther(JsonNode namespaceSelector, Set<String> stackNamespaces) {
    JsonNode name = namespaceSelector.at("/matchLabels/kubernetes.io~1metadata.name");
    return name.isTextual() && !stackNamespaces.contains(name.asText());
  }

  private List<JsonNode> pods(String ns, JsonNode selector) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode pod : items("/api/v1/namespaces/" + ns + "/pods")) {
      if (Selectors.matches(selector, pod.at("/metadata/labels"))) {
        out.add(pod);
      }
    }
    return out;
  }

  /**
   * Whether a selected pod serves the port: a container declares it, or a Service of the namespace
   * that selects the pod targets it (the gateway's sampling port 4319 is only in its Service).
   */
  private boolean serves(String ns, List<JsonNode> pods, int port) {
    if (declares(pods, port)) {
      return true;
    }
    for (JsonNode service : items("/api/v1/namespaces/" + ns + "/services")) {
      JsonNode selector =
          JsonNodeFactory.instance.objectNode().set("matchLabels", service.at("/spec/selector"));
      boolean selects =
          service.at("/spec/selector").size() > 0
              && pods.stream().anyMatch(p -> Selectors.matches(selector, p.at("/metadata/labels")));
      for (JsonNode p : service.at("/spec/ports")) {
        if (selects && p.path("targetPort").asText().equals(Integer.toString(port))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean declares(List<JsonNode> pods, int port) {
    for (JsonNode pod : pods) {
      for (JsonNode c : pod.at("/spec/containers")) {
        for (JsonNode p : c.path("ports")) {
          if (p.path("containerPort").asInt() == port) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private List<JsonNode> items(String path) {
    List<JsonNode> out = new ArrayList<>();
    api.get(path).path("items").forEach(out::add);
    return out;
  }
}

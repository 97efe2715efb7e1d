package io.otelstack.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stack's NetworkPolicies as the API server admitted them, held against the pods the real
 * controllers created from the real charts. A policy whose selector matches nothing is silent: it
 * allows nothing, or denies nothing, and no apply fails. So every {@code podSelector} of a policy,
 * and every peer that names pods of the stack's namespaces, must select at least one pod; every
 * peer's {@code namespaceSelector} must select at least one namespace that exists; and every port a
 * policy lets in, or lets out to pods of the stack, must be one a selected pod serves.
 *
 * <p>There is no CNI here, so nothing enforces the policies; this checks what they select, not what
 * they block. The pods of peers outside the stack's namespaces (the cluster DNS in {@code
 * kube-system}) are not checked: this control plane runs no DNS pods; their namespace is.
 */
public final class NetworkPolicyChecks {
  private final KubeApi api;

  /** Checks against one control plane. */
  public NetworkPolicyChecks(KubeControlPlane plane) {
    this.api = plane.api();
  }

  /**
   * Every policy in the namespaces selects pods, and so does every peer within them; throws an
   * {@link AssertionError} listing each selector that selects nothing and each port no selected pod
   * serves.
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
          ports(name, "lets in", ns, selected, rule.path("ports"), problems);
        }
        for (JsonNode rule : policy.at("/spec/egress")) {
          Map<String, List<JsonNode>> peerPods =
              peers(name, ns, rule.path("to"), "to", namespaces, problems);
          peerPods.forEach(
              (peerNs, pods) ->
                  ports(name, "lets out", peerNs, pods, rule.path("ports"), problems));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "NetworkPolicies that select nothing, or open ports no pod serves:\n  "
              + String.join("\n  ", problems));
    }
    return policies;
  }

  private void ports(
      String policy,
      String verb,
      String ns,
      List<JsonNode> pods,
      JsonNode ports,
      List<String> problems) {
    for (JsonNode port : ports) {
      if (port.path("port").isInt() && !serves(ns, pods, port.path("port").asInt())) {
        problems.add(
            policy
                + ": "
                + verb
                + " port "
                + port.path("port")
                + ", which no selected pod declares and no Service targets");
      }
    }
  }

  /**
   * Checks one rule's peers and returns, by namespace, the stack's pods its pod peers select (empty
   * when no peer names pods of the stack).
   */
  private Map<String, List<JsonNode>> peers(
      String policy,
      String ns,
      JsonNode peers,
      String direction,
      Set<String> stackNamespaces,
      List<String> problems) {
    Map<String, List<JsonNode>> selected = new TreeMap<>();
    for (JsonNode peer : peers) {
      if (peer.has("ipBlock")) {
        continue;
      }
      List<String> inScope = new ArrayList<>();
      if (peer.has("namespaceSelector")) {
        List<String> matched = namespaces(peer.get("namespaceSelector"));
        if (matched.isEmpty()) {
          problems.add(policy + ": " + direction + " peer " + peer + " selects no namespace");
          continue;
        }
        matched.stream().filter(stackNamespaces::contains).forEach(inScope::add);
      } else {
        inScope.add(ns);
      }
      if (!peer.has("podSelector") || inScope.isEmpty()) {
        continue; // every pod of real namespaces, or pods outside the stack
      }
      boolean any = false;
      for (String n : inScope) {
        List<JsonNode> pods = pods(n, peer.get("podSelector"));
        if (!pods.isEmpty()) {
          any = true;
          selected.computeIfAbsent(n, k -> new ArrayList<>()).addAll(pods);
        }
      }
      if (!any) {
        problems.add(policy + ": " + direction + " peer " + peer + " selects no pod");
      }
    }
    return selected;
  }

  /** The namespaces that exist and a namespace selector selects. */
  private List<String> namespaces(JsonNode namespaceSelector) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : items("/api/v1/namespaces")) {
      if (Selectors.matches(namespaceSelector, n.at("/metadata/labels"))) {
        out.add(n.at("/metadata/name").asText());
      }
    }
    return out;
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

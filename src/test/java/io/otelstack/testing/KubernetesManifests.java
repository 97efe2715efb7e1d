package io.otelstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns the stack's own Kubernetes objects, synthesized as kubernetes-provider resources, into the
 * manifests the provider sends to the API server: snake_case attribute names become the API's
 * camelCase, and numeric ports become numbers. Label maps are copied as they are.
 */
public final class KubernetesManifests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private KubernetesManifests() {}

  /** Every {@code kubernetes_network_policy_v1} of a synthesized stack, as a YAML stream. */
  public static String networkPolicies(JsonNode synthesized) {
    StringBuilder out = new StringBuilder();
    for (JsonNode resource : synthesized.path("resource").path("kubernetes_network_policy_v1")) {
      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("apiVersion", "networking.k8s.io/v1");
      manifest.put("kind", "NetworkPolicy");
      manifest.set("metadata", api(resource.path("metadata")));
      manifest.set("spec", api(resource.path("spec")));
      try {
        out.append(YAML.writeValueAsString(manifest));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  private static JsonNode api(JsonNode node) {
    if (node.isArray()) {
      ArrayNode list = JSON.createArrayNode();
      node.forEach(item -> list.add(api(item)));
      return list;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode object = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("match_labels") || key.equals("labels") || key.equals("annotations")) {
        object.set(camel(key), value);
      } else if (key.equals("port") && value.asText().matches("[0-9]+")) {
        object.put("port", Integer.parseInt(value.asText()));
      } else {
        object.set(camel(key), api(value));
      }
    }
    return object;
  }

  private static String camel(String snake) {
    StringBuilder s = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        s.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return s.toString();
  }
}

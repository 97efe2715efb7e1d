package io.otelstack.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Kubernetes label selectors ({@code matchLabels}, {@code matchExpressions}) as the API reads them.
 */
final class Selectors {
  private Selectors() {}

  /** Whether {@code labels} satisfy the selector; an empty selector matches everything. */
  static boolean matches(JsonNode selector, JsonNode labels) {
    var required = selector.path("matchLabels").fields();
    while (required.hasNext()) {
      var e = required.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    for (JsonNode expr : selector.path("matchExpressions")) {
      String key = expr.path("key").asText();
      boolean has = labels.has(key);
      Set<String> values = new HashSet<>();
      expr.path("values").forEach(v -> values.add(v.asText()));
      boolean ok =
          switch (expr.path("operator").asText()) {
            case "In" -> has && values.contains(labels.get(key).asText());
            case "NotIn" -> !has || !values.contains(labels.get(key).asText());
            case "Exists" -> has;
            case "DoesNotExist" -> !has;
            default -> throw new AssertionError("unknown selector operator in " + expr);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}

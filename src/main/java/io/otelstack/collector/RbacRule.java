package io.otelstack.collector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One ClusterRole rule as the collector chart's {@code clusterRole.rules} takes it. */
final class RbacRule {
  private RbacRule() {}

  /** Grants {@code verbs} on {@code resources} of one API group ({@code ""} is the core group). */
  static Map<String, Object> of(String apiGroup, List<String> resources, List<String> verbs) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("apiGroups", List.of(apiGroup));
    r.put("resources", List.copyOf(resources));
    r.put("verbs", List.copyOf(verbs));
    return r;
  }
}

package io.otelstack.collector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code k8sobjects} receiver watching Kubernetes events ({@code events.k8s.io/v1}): OOM kills,
 * evictions, failed schedules, back-offs, each becomes a log record whose body is the event.
 *
 * <p>Watch mode starts from the current resource version, so a restart neither replays the last
 * hour of events nor sends one twice; events that happen while no collector runs are not read (the
 * API server keeps them for an hour, where {@code kubectl get events} still shows them). {@code
 * DELETED} notifications are left out: the API server deletes every event when it expires, and each
 * would otherwise arrive a second time.
 */
public record K8sObjectsReceiver() implements Component {
  /** {@code list} (for the starting resource version) and {@code watch} on events. */
  public static List<Map<String, Object>> rbacRules() {
    return List.of(RbacRule.of("events.k8s.io", List.of("events"), List.of("list", "watch")));
  }

  @Override
  public ComponentType type() {
    return ComponentType.K8S_OBJECTS;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> events = new LinkedHashMap<>();
    events.put("name", "events");
    events.put("group", "events.k8s.io");
    events.put("mode", "watch");
    events.put("exclude_watch_type", List.of("DELETED"));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("auth_type", "serviceAccount");
    s.put("objects", List.of(events));
    return s;
  }
}

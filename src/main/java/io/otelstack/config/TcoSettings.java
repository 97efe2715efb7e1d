package io.otelstack.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Coralogix TCO policies for the environment's logs and traces, first match wins.
 *
 * <p>Rule checked when loaded: policy names are unique within each list, because Coralogix tells
 * policies apart by name.
 *
 * @param logs log policies
 * @param traces trace policies
 */
public record TcoSettings(List<TcoLogsPolicySettings> logs, List<TcoTracesPolicySettings> traces) {
  /** Copies the lists. */
  public TcoSettings {
    logs = List.copyOf(logs);
    traces = List.copyOf(traces);
  }

  void check(Problems p) {
    unique(p, "logs", logs, TcoLogsPolicySettings::name);
    unique(p, "traces", traces, TcoTracesPolicySettings::name);
  }

  private static <T> void unique(
      Problems p, String field, List<T> policies, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < policies.size(); i++) {
      String n = name.apply(policies.get(i));
      if (!seen.add(n)) {
        p.add(
            p.path(field)
                + "["
                + i
                + "].name ("
                + n
                + ") is already the name of an earlier policy; policy names must be unique,"
                + " rename one");
      }
    }
  }
}

package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import java.util.List;

/**
 * One TCO policy for traces.
 *
 * @param name the policy's name, unique among the trace policies
 * @param priority where matching traces go
 * @param subsystems the subsystems it applies to; empty for all
 */
public record TcoTracesPolicy(String name, TcoPriority priority, List<String> subsystems) {
  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires every part. */
  public TcoTracesPolicy {
    CHECK.required("TcoTracesPolicy.name", name);
    CHECK.required("TcoTracesPolicy.priority", priority);
    subsystems = List.copyOf(CHECK.required("TcoTracesPolicy.subsystems", subsystems));
  }
}

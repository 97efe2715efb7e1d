package io.otelstack.config;

import java.util.Objects;

/**
 * A Kubernetes taint put on every node of a node group.
 *
 * @param key taint key, e.g. {@code dedicated}
 * @param value taint value, e.g. {@code observability}
 * @param effect what the taint does to pods that do not tolerate it
 */
public record Taint(String key, String value, TaintEffect effect) {
  /** Requires every part. */
  public Taint {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(effect, "effect");
  }
}

package io.otelstack.constructs.cluster;

import io.otelstack.ValidationException;
import java.util.regex.Pattern;

/**
 * A Kubernetes taint that a managed node group puts on each of its nodes.
 *
 * @param key taint key, e.g. {@code dedicated}
 * @param value taint value, e.g. {@code observability}; null or empty for a key-only taint
 * @param effect what the taint does to pods that do not tolerate it
 */
public record Taint(String key, String value, TaintEffect effect) {
  // Kubernetes qualified names: an optional DNS prefix, then a name of up to 63 characters.
  private static final Pattern KEY =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

  /** Validates key and value against the Kubernetes syntax; a null value becomes empty. */
  public Taint {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new ValidationException(
          "Taint.key ("
              + key
              + ") must be a Kubernetes label key such as dedicated or example.com/pool");
    }
    value = value == null ? "" : value;
    if (!VALUE.matcher(value).matches()) {
      throw new ValidationException(
          "Taint.value ("
              + value
              + ") must be at most 63 letters, digits, '-', '_' or '.', starting and ending with"
              + " a letter or digit");
    }
    if (effect == null) {
      throw new ValidationException(
          "Taint.effect is required for taint "
              + key
              + "; use NO_SCHEDULE, NO_EXECUTE or"
              + " PREFER_NO_SCHEDULE");
    }
  }

  /** Whether pods that do not tolerate this taint stay off the node. */
  public boolean repelsPods() {
    return effect != TaintEffect.PREFER_NO_SCHEDULE;
  }
}

package io.otelstack.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Deterministic construct IDs derived from user-given names. Not public API. */
public final class Names {
  private Names() {}

  /** {@code observability-spot} becomes {@code ObservabilitySpot}. */
  public static String pascal(String name) {
    return Arrays.stream(name.split("[^A-Za-z0-9]+"))
        .filter(p -> !p.isEmpty())
        .map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
        .collect(Collectors.joining());
  }
}

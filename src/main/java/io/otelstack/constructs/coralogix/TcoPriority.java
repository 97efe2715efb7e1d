package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a Coralogix TCO policy sends matching data. */
public enum TcoPriority {
  /** Frequent search: indexed, fastest queries, highest cost. */
  HIGH("high"),
  /** Monitoring: dashboards and alerts, no full-text index. */
  MEDIUM("medium"),
  /** Compliance: archive only, cheapest. */
  LOW("low"),
  /** Dropped. */
  BLOCK("block");

  private final String value;

  TcoPriority(String value) {
    this.value = value;
  }

  /** The API value, e.g. {@code high}. */
  public String value() {
    return value;
  }

  /** The priority whose API value is {@code value}. */
  public static TcoPriority of(String value) {
    return Arrays.stream(values())
        .filter(p -> p.value.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    "TCO priority ("
                        + value
                        + ") must be one of "
                        + Arrays.stream(values())
                            .map(TcoPriority::value)
                            .collect(Collectors.joining(", "))));
  }
}

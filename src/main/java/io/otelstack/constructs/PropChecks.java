package io.otelstack.constructs;

import io.otelstack.ValidationException;
import io.otelstack.internal.Tokens;

/** Prop checks shared by the props of several construct packages. Not public API. */
public final class PropChecks {
  private PropChecks() {}

  /** A whole-number prop: a literal must be whole and becomes an {@link Integer}; a token stays. */
  public static Number wholeNumber(String prop, Number value) {
    if (value instanceof Integer || Tokens.isToken(value)) {
      return value;
    }
    double d = value.doubleValue();
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new ValidationException(prop + " (" + value + ") must be a whole number");
    }
    return (int) d;
  }

  /** A required prop: not null, and not blank where it is text. */
  public static void required(String prop, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new ValidationException(prop + " is required");
    }
  }

  /** A positive whole-number prop, {@code fallback} when not given. */
  public static int positive(String prop, Integer value, int fallback) {
    int v = value == null ? fallback : value;
    if (v <= 0) {
      throw new ValidationException(prop + " (" + v + ") must be > 0; default is " + fallback);
    }
    return v;
  }
}

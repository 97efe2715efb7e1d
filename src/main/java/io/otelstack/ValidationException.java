package io.otelstack;

import java.util.List;

/**
 * Bad input: an environment file, a prop or a combination of props that cannot be deployed.
 *
 * <p>Each message names where the problem is (file and field path, or prop and construct path), the
 * value received, what is allowed, and how to fix it. The top-level entry point prints the messages
 * and exits non-zero; nobody sees a stack trace for bad input.
 */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;

  /** One problem. */
  public ValidationException(String error) {
    this(List.of(error));
  }

  /** Several problems found at once, reported together. */
  public ValidationException(List<String> errors) {
    super(String.join("\n", errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** Every problem, one line each, in the order found. */
  public List<String> errors() {
    return errors;
  }
}

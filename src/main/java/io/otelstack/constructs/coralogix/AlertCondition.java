package io.otelstack.constructs.coralogix;

/** Which side of its threshold an alert's query must be on to fire. */
public enum AlertCondition {
  /** Fires while the query is above the threshold. */
  MORE_THAN(">"),
  /** Fires while the query is below the threshold. */
  LESS_THAN("<");

  private final String operator;

  AlertCondition(String operator) {
    this.operator = operator;
  }

  /** The PromQL comparison operator with the same meaning, e.g. {@code >}. */
  public String operator() {
    return operator;
  }
}

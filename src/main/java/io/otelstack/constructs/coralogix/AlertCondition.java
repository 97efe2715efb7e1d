package io.otelstack.constructs.coralogix;

/** Which side of its threshold an alert's query must be on to fire; Coralogix's condition names. */
public enum AlertCondition {
  /** Fires while the query is above the threshold. */
  MORE_THAN,
  /** Fires while the query is below the threshold. */
  LESS_THAN
}

package io.otelstack.constructs.coralogix;

/** Coralogix alert priority; the names are the API values. */
public enum AlertPriority {
  /** Most urgent: data is being lost now. */
  P1,
  /** Urgent: data will be lost soon. */
  P2,
  /** Needs attention within the day. */
  P3,
  /** Low. */
  P4,
  /** Informational. */
  P5
}

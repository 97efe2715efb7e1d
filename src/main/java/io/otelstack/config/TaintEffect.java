package io.otelstack.config;

/** What a node taint does to pods that do not tolerate it. YAML values are the constant names. */
public enum TaintEffect {
  /** New pods are not scheduled on the node. */
  NO_SCHEDULE,
  /** New pods are not scheduled and running pods are evicted. */
  NO_EXECUTE,
  /** The scheduler avoids the node when it can. */
  PREFER_NO_SCHEDULE
}

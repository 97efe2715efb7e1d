package io.otelstack.constructs.namespace;

/** A Pod Security Standards level, as the Pod Security Admission labels spell it. */
public enum PodSecurityLevel {
  /** No restrictions: host paths, root users and host ports are allowed. */
  PRIVILEGED("privileged"),
  /** Blocks known privilege escalations; still forbids hostPath volumes. */
  BASELINE("baseline"),
  /** Hardened: non-root, no privilege escalation, all capabilities dropped, seccomp set. */
  RESTRICTED("restricted");

  private final String value;

  PodSecurityLevel(String value) {
    this.value = value;
  }

  /** The label value, e.g. {@code restricted}. */
  public String value() {
    return value;
  }
}

package io.otelstack.constructs.storage;

/** What happens to a volume when its PersistentVolumeClaim is deleted. */
public enum ReclaimPolicy {
  /** The volume and its data are deleted with the claim. */
  DELETE("Delete"),
  /** The volume and its data stay, to be re-bound or cleaned up by hand. */
  RETAIN("Retain");

  private final String value;

  ReclaimPolicy(String value) {
    this.value = value;
  }

  /** The Kubernetes API value, e.g. {@code Retain}. */
  public String value() {
    return value;
  }
}

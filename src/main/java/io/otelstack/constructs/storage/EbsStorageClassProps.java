package io.otelstack.constructs.storage;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * Props of {@link EbsStorageClass}.
 *
 * @param name the StorageClass name, e.g. {@code gp3} or {@code otel-queue}; required
 * @param reclaimPolicy what happens to a volume when its claim is deleted. Default: {@link
 *     ReclaimPolicy#DELETE}. Use {@link ReclaimPolicy#RETAIN} for the persistent queues, so queued
 *     data survives a deleted PVC.
 * @param defaultClass whether claims without a class get this one. Default: false.
 */
@RecordBuilder
public record EbsStorageClassProps(String name, ReclaimPolicy reclaimPolicy, Boolean defaultClass) {
  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires a valid name and applies the defaults. */
  public EbsStorageClassProps {
    CHECK.dnsSubdomain("EbsStorageClassProps.name", name, "gp3");
    reclaimPolicy = reclaimPolicy == null ? ReclaimPolicy.DELETE : reclaimPolicy;
    defaultClass = defaultClass != null && defaultClass;
  }

  /** Starts props; {@code name} is required. */
  public static EbsStorageClassPropsBuilder builder() {
    return EbsStorageClassPropsBuilder.builder();
  }
}

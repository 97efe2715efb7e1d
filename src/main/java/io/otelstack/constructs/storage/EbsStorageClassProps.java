package io.otelstack.constructs.storage;

import io.otelstack.ValidationException;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.regex.Pattern;

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
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** Requires a valid name and applies the defaults. */
  public EbsStorageClassProps {
    if (name == null || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      throw new ValidationException(
          "storageClass.name ("
              + name
              + ") must be a DNS subdomain: lowercase letters, digits, '-' and '.', e.g. gp3");
    }
    reclaimPolicy = reclaimPolicy == null ? ReclaimPolicy.DELETE : reclaimPolicy;
    defaultClass = defaultClass != null && defaultClass;
  }

  /** Starts props; {@code name} is required. */
  public static EbsStorageClassPropsBuilder builder() {
    return EbsStorageClassPropsBuilder.builder();
  }
}

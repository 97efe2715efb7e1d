package io.otelstack.config;

import java.util.Objects;

/**
 * The exporters' persistent sending queue, on a volume per collector pod.
 *
 * <p>How much of the volume the queues may use is the construct's rule ({@code
 * MetricsTracesStatefulSetProps}), checked once there.
 *
 * @param enabled whether the queue is persisted; false keeps it in memory, lost on restart
 * @param sizeBatches queue capacity, in batches
 * @param numConsumers concurrent senders draining the queue
 * @param maxBatchSizeKi upper bound of one batch, in KiB
 * @param pvcSizeGi volume size of each collector pod, in GiB
 * @param storageClass Kubernetes StorageClass of the volumes
 */
public record QueueSettings(
    boolean enabled,
    int sizeBatches,
    int numConsumers,
    int maxBatchSizeKi,
    int pvcSizeGi,
    String storageClass) {
  /** Requires every part. */
  public QueueSettings {
    Objects.requireNonNull(storageClass, "storageClass");
  }
}

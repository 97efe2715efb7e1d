package io.otelstack.config;

import java.util.Objects;

/**
 * The exporters' persistent sending queue, on a volume per collector pod.
 *
 * <p>Rule checked when loaded: when enabled, a full queue ({@code sizeBatches × maxBatchSizeKi})
 * fits in 80% of the volume, leaving room for the storage's compaction.
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
  /** Share of the volume a full queue may use; the rest is compaction headroom. */
  static final double USABLE_SHARE = 0.8;

  /** Requires every part. */
  public QueueSettings {
    Objects.requireNonNull(storageClass, "storageClass");
  }

  void check(Problems p) {
    long queueMi = ((long) sizeBatches * maxBatchSizeKi + 1023) / 1024;
    long usableMi = (long) Math.floor(pvcSizeGi * 1024 * USABLE_SHARE);
    if (enabled && queueMi > usableMi) {
      long neededGi = (long) Math.ceil(queueMi / 1024.0 / USABLE_SHARE);
      p.add(
          p.path("sizeBatches")
              + " × "
              + p.path("maxBatchSizeKi")
              + " ("
              + sizeBatches
              + " × "
              + maxBatchSizeKi
              + " KiB = "
              + queueMi
              + " MiB) must fit in 80% of "
              + p.path("pvcSizeGi")
              + " ("
              + pvcSizeGi
              + " GiB, "
              + usableMi
              + " MiB usable; the rest is compaction headroom); raise pvcSizeGi to at least "
              + neededGi
              + " or lower sizeBatches");
    }
  }
}

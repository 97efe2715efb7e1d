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
  /** Percentage of the volume a full queue may use; the rest is compaction headroom. */
  private static final int USABLE_PERCENT = 80;

  /** Requires every part. */
  public QueueSettings {
    Objects.requireNonNull(storageClass, "storageClass");
  }

  void check(Problems p) {
    long queueMi = ((long) sizeBatches * maxBatchSizeKi + 1023) / 1024;
    long usableMi = pvcSizeGi * 1024L * USABLE_PERCENT / 100;
    if (enabled && queueMi > usableMi) {
      long neededGi = (queueMi * 100 + 1024L * USABLE_PERCENT - 1) / (1024L * USABLE_PERCENT);
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
              + " MiB) must fit in "
              + USABLE_PERCENT
              + "% of "
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

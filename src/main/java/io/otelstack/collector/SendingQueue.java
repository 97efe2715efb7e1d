package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exporter's {@code sending_queue}, with batching done inside the queue.
 *
 * <p>Batching here, after the persistent queue, rather than in a {@code batch} processor: a batch
 * processor holds data in memory in front of the queue, and a crash loses it. With the queue on
 * {@code file_storage}, data is on disk before the receiver acknowledges it.
 *
 * <p>The queue is sized in bytes, {@code queueSize} batches of {@code maxBatchSizeKi}, not in
 * requests: upstream components decide how big a request is, and the tail sampler releases every
 * kept trace as a request of its own, so a queue counted in requests held only {@code queueSize}
 * traces through a backend outage and dropped the rest (measured in docs/proof/report.md).
 *
 * @param storage the {@code file_storage} extension backing the queue; null for an in-memory queue
 * @param numConsumers concurrent senders draining the queue
 * @param queueSize queue capacity in batches of {@code maxBatchSizeKi}
 * @param maxBatchSizeKi upper bound of one batch in KiB; sizes the queue on disk
 */
public record SendingQueue(
    FileStorage storage, int numConsumers, int queueSize, int maxBatchSizeKi) {
  /** Batches a queue holds unless a collector's props say otherwise. */
  public static final int DEFAULT_SIZE_BATCHES = 5000;

  /** Concurrent senders per queue unless a collector's props say otherwise. */
  public static final int DEFAULT_NUM_CONSUMERS = 10;

  /** Largest batch, in KiB, unless a collector's props say otherwise. */
  public static final int DEFAULT_MAX_BATCH_SIZE_KI = 512;

  /** Requires positive sizes. */
  public SendingQueue {
    if (numConsumers <= 0) {
      throw new ValidationException(
          "sending_queue.numConsumers (" + numConsumers + ") must be > 0; default is 10");
    }
    if (queueSize <= 0) {
      throw new ValidationException(
          "sending_queue.queueSize (" + queueSize + ") must be > 0; default is 5000");
    }
    if (maxBatchSizeKi <= 0) {
      throw new ValidationException(
          "sending_queue.maxBatchSizeKi (" + maxBatchSizeKi + ") must be > 0; default is 512");
    }
  }

  /** The {@code sending_queue} block. */
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("enabled", true);
    if (storage != null) {
      s.put("storage", storage.id().toString());
    }
    s.put("num_consumers", numConsumers);
    s.put("sizer", "bytes");
    s.put("queue_size", (long) queueSize * maxBatchSizeKi * 1024);
    Map<String, Object> batch = new LinkedHashMap<>();
    batch.put("flush_timeout", "1s");
    batch.put("sizer", "bytes");
    batch.put("min_size", Math.min(64, maxBatchSizeKi) * 1024);
    batch.put("max_size", maxBatchSizeKi * 1024);
    s.put("batch", batch);
    return s;
  }
}

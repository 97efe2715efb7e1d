package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code file_storage} extension: the on-disk store behind persistent sending queues and filelog
 * checkpoints.
 *
 * @param name instance name, e.g. {@code queue} for {@code file_storage/queue}
 * @param directory where the database files live; a PVC or hostPath mount
 * @param timeoutSeconds how long to wait for the file lock before giving up
 * @param fsync whether every write transaction is flushed to the device before it is acknowledged.
 *     With it, an acknowledged write survives a node crash; without it, it survives a process crash
 *     (kill, OOM) but a kernel crash or power loss can drop the last seconds of writes. Default:
 *     true.
 */
public record FileStorage(String name, String directory, int timeoutSeconds, boolean fsync)
    implements Component {
  /** Requires an absolute directory and a positive timeout. */
  public FileStorage {
    if (directory == null || !directory.startsWith("/")) {
      throw new ValidationException(
          "file_storage/" + name + ".directory (" + directory + ") must be an absolute path");
    }
    if (timeoutSeconds <= 0) {
      throw new ValidationException(
          "file_storage/" + name + ".timeoutSeconds (" + timeoutSeconds + ") must be > 0");
    }
  }

  /** A store that flushes every write transaction to the device (fsync on). */
  public FileStorage(String name, String directory, int timeoutSeconds) {
    this(name, directory, timeoutSeconds, true);
  }

  @Override
  public ComponentType type() {
    return ComponentType.FILE_STORAGE;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("directory", directory);
    s.put("create_directory", true);
    s.put("timeout", timeoutSeconds + "s");
    s.put("fsync", fsync);
    // A database left corrupt by a hard kill is moved aside and recreated instead of failing
    // start-up, which would otherwise crash-loop the pod with its queue unreadable.
    s.put("recreate", true);
    Map<String, Object> compaction = new LinkedHashMap<>();
    compaction.put("directory", directory);
    compaction.put("on_start", true);
    compaction.put("on_rebound", true);
    s.put("compaction", compaction);
    return s;
  }
}

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
 */
public record FileStorage(String name, String directory, int timeoutSeconds) implements Component {
  /** The component type. */
  public static final String TYPE = "file_storage";

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

  @Override
  public Kind kind() {
    return Kind.EXTENSION;
  }

  @Override
  public ComponentId id() {
    return ComponentId.of(TYPE, name);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("directory", directory);
    s.put("create_directory", true);
    s.put("timeout", timeoutSeconds + "s");
    // fsync makes an acknowledged enqueue survive a node crash, not only a process crash.
    s.put("fsync", true);
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

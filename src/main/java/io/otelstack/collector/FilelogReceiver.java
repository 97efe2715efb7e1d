package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code filelog} receiver tailing container log files written by the kubelet.
 *
 * <p>Three settings are fixed because the delivery guarantee depends on them together:
 *
 * <ul>
 *   <li>{@code start_at: beginning}, so a new node (or a new file) is read from its first line and
 *       nothing written before the agent started is lost;
 *   <li>{@code storage} on a {@code file_storage} extension, so a restarted agent resumes from its
 *       checkpoints instead of re-reading (duplicates) what {@code beginning} would otherwise
 *       replay. Checkpoints are therefore required;
 *   <li>{@code retry_on_failure} without a deadline, so data the pipeline refuses (memory_limiter)
 *       is retried while it is still on disk instead of being dropped.
 * </ul>
 *
 * <p>The {@code container} operator parses the Docker, CRI-O and containerd line formats
 * (recombining partial lines) and sets {@code k8s.namespace.name}, {@code k8s.pod.name}, {@code
 * k8s.pod.uid} and {@code k8s.container.name} from the file path.
 *
 * @param name instance name; empty for the unnamed instance
 * @param include absolute glob patterns of the files to read
 * @param exclude absolute glob patterns of files never to read, even when included
 * @param checkpoints the {@code file_storage} extension holding the read offsets
 * @param multiline how the lines of multi-line records are joined, per namespace or container,
 *     after the container parser; at most one rule per namespace and container
 */
public record FilelogReceiver(
    String name,
    List<String> include,
    List<String> exclude,
    FileStorage checkpoints,
    List<MultilineRule> multiline)
    implements Component {
  /** Requires absolute include and exclude globs and the checkpoint storage. */
  public FilelogReceiver {
    include = include == null ? List.of() : List.copyOf(include);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    if (include.isEmpty()) {
      throw new ValidationException("file_log.include must list at least one glob");
    }
    for (String glob : include) {
      requireAbsolute("file_log.include", glob);
    }
    for (String glob : exclude) {
      requireAbsolute("file_log.exclude", glob);
    }
    multiline = multiline == null ? List.of() : List.copyOf(multiline);
    Set<List<String>> targets = new HashSet<>();
    for (MultilineRule r : multiline) {
      if (!targets.add(Arrays.asList(r.namespace(), r.container()))) {
        throw new ValidationException(
            "logs.multiline has two entries for namespace "
                + r.namespace()
                + " and container "
                + r.container()
                + "; a record would be joined twice, so keep one");
      }
    }
    if (checkpoints == null) {
      throw new ValidationException(
          "file_log.checkpoints is required: without it a restarted agent re-reads every file from"
              + " the beginning");
    }
  }

  private static void requireAbsolute(String prop, String glob) {
    if (glob == null || !glob.startsWith("/")) {
      throw new ValidationException(
          prop + " entry (" + glob + ") must be an absolute glob such as /var/log/pods/*/*/*.log");
    }
  }

  @Override
  public ComponentType type() {
    return ComponentType.FILE_LOG;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("include", include);
    if (!exclude.isEmpty()) {
      s.put("exclude", exclude);
    }
    s.put("include_file_path", true);
    s.put("include_file_name", false);
    s.put("start_at", "beginning");
    s.put("storage", checkpoints.id().toString());
    // The log file is the buffer: waiting costs nothing but lag, giving up loses the lines.
    s.put("retry_on_failure", RetryForever.settings(1, 30));
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("type", "container");
    container.put("id", "container-parser");
    List<Object> operators = new ArrayList<>();
    operators.add(container);
    for (int i = 0; i < multiline.size(); i++) {
      operators.add(multiline.get(i).operator("multiline-" + i));
    }
    s.put("operators", operators);
    return s;
  }
}

package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code host_metrics} receiver of a node agent: the node's CPU, memory, disks, file systems,
 * network interfaces and load, read from the host's {@code /proc} and {@code /sys} mounted
 * read-only at {@value #ROOT_PATH}.
 *
 * <p>Cardinality: a Kubernetes node has a mount, a network interface and often a device per pod, so
 * the per-device scrapers exclude what belongs to pods and to the kernel's pseudo file systems: the
 * kubelet's and the runtime's volume and overlay mounts, {@code veth}/{@code eni} pod interfaces,
 * and loop and RAM devices. What is left is the node's own disks, file systems and interfaces, a
 * number that does not grow with the pods scheduled.
 *
 * @param intervalSeconds how often the host is read
 */
public record HostMetricsReceiver(int intervalSeconds) implements Component {
  /** Where the host's root file system is mounted in the agent, read-only. */
  public static final String ROOT_PATH = "/hostfs";

  private static final String EXCLUDED_MOUNTS =
      "^/(dev|proc|sys|run|var/lib/kubelet|var/lib/containerd|var/lib/docker|snap)(/.*)?$";
  private static final List<String> PSEUDO_FILE_SYSTEMS =
      List.of(
          "autofs",
          "binfmt_misc",
          "bpf",
          "cgroup",
          "cgroup2",
          "configfs",
          "debugfs",
          "devpts",
          "devtmpfs",
          "fusectl",
          "hugetlbfs",
          "mqueue",
          "nsfs",
          "overlay",
          "proc",
          "pstore",
          "rpc_pipefs",
          "securityfs",
          "squashfs",
          "sysfs",
          "tmpfs",
          "tracefs");

  /** Requires a positive interval. */
  public HostMetricsReceiver {
    if (intervalSeconds <= 0) {
      throw new ValidationException(
          "host_metrics.intervalSeconds (" + intervalSeconds + ") must be > 0");
    }
  }

  @Override
  public ComponentType type() {
    return ComponentType.HOST_METRICS;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> scrapers = new LinkedHashMap<>();
    scrapers.put("cpu", Map.of());
    scrapers.put("memory", Map.of());
    scrapers.put("load", Map.of());
    scrapers.put("disk", Map.of("exclude", regexp("devices", "^(loop|ram)[0-9]+$")));
    Map<String, Object> filesystem = new LinkedHashMap<>();
    filesystem.put("exclude_mount_points", regexp("mount_points", EXCLUDED_MOUNTS));
    filesystem.put(
        "exclude_fs_types", Map.of("fs_types", PSEUDO_FILE_SYSTEMS, "match_type", "strict"));
    scrapers.put("filesystem", filesystem);
    scrapers.put("network", Map.of("exclude", regexp("interfaces", "^(lo|veth.*|eni.*)$")));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("collection_interval", intervalSeconds + "s");
    s.put("root_path", ROOT_PATH);
    s.put("scrapers", scrapers);
    return s;
  }

  private static Map<String, Object> regexp(String key, String pattern) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, List.of(pattern));
    m.put("match_type", "regexp");
    return m;
  }
}

package io.otelstack.proof;

import java.util.Map;
import java.util.TreeMap;

/**
 * One local replica's ports. In Kubernetes every pod has its own IP, so all replicas listen on
 * 4317, 4319, 8888 and 13133; on one machine each replica needs its own free loopback port for each
 * of those. A port map hands out one per original port, the same one every time it is asked.
 */
final class PortMap {
  private final Map<Integer, Integer> ports = new TreeMap<>();

  /** The loopback port standing in for a pod port. */
  synchronized int local(int podPort) {
    return ports.computeIfAbsent(podPort, p -> Loopback.freePort());
  }

  /** {@code 127.0.0.1:<local port>} for a pod port. */
  String endpoint(int podPort) {
    return Loopback.endpoint(local(podPort));
  }
}

package io.otelstack.collector;

import io.otelstack.ValidationException;
import io.otelstack.internal.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code resource_detection} processor: adds where the data comes from (cluster, cloud, host)
 * to every resource that does not say so already ({@code override: false}, so what an SDK set
 * wins).
 *
 * <p>{@code k8s.cluster.name} comes from the {@code env} detector, which reads {@value
 * #RESOURCE_ATTRIBUTES_ENV}: every collector pod sets it ({@link #clusterNameEnv}). The {@code eks}
 * detector adds {@code cloud.provider} and {@code cloud.platform}; {@code ec2} adds the instance
 * (host ID, name, type, image) and its region, zone and account. Host attributes are true only of
 * data that comes from the collector's own node, so only node-local collectors (the agent) run
 * {@code ec2}.
 *
 * <p>Detection runs once at start-up, each detector bounded by {@value #TIMEOUT_SECONDS} s: where
 * the instance metadata service or the EKS markers are absent, a detector contributes nothing and
 * the collector starts anyway (a detector error would stop it; none is raised without {@code
 * fail_on_missing_metadata}).
 *
 * @param name instance name, e.g. {@code cluster}; empty for the unnamed instance
 * @param detectors detectors in order, from {@code env}, {@code eks} and {@code ec2}
 */
public record ResourceDetectionProcessor(String name, List<String> detectors) implements Component {
  /** The variable the {@code env} detector reads, {@code key=value} pairs separated by commas. */
  public static final String RESOURCE_ATTRIBUTES_ENV = "OTEL_RESOURCE_ATTRIBUTES";

  /** The attribute that names the cluster on every signal. */
  public static final String CLUSTER_NAME = "k8s.cluster.name";

  static final int TIMEOUT_SECONDS = 2;

  private static final Set<String> DETECTORS = Set.of("env", "eks", "ec2");

  /** EKS cluster names: letters, digits, '-' and '_', nothing the variable's format reserves. */
  private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

  /** Detection for node-local collectors: the cluster's name, EKS, and the node's own instance. */
  public static ResourceDetectionProcessor node() {
    return new ResourceDetectionProcessor("node", List.of("env", "eks", "ec2"));
  }

  /**
   * Detection for collectors whose data comes from other nodes (the gateway, the cluster
   * collector): the cluster's name and EKS, no host.
   */
  public static ResourceDetectionProcessor cluster() {
    return new ResourceDetectionProcessor("cluster", List.of("env", "eks"));
  }

  /** Requires known detectors. */
  public ResourceDetectionProcessor {
    detectors = detectors == null ? List.of() : List.copyOf(detectors);
    if (detectors.isEmpty() || !DETECTORS.containsAll(detectors)) {
      throw new ValidationException(
          "resource_detection.detectors (" + detectors + ") must list some of " + DETECTORS);
    }
  }

  /**
   * The pod environment entry naming the cluster for the {@code env} detector.
   *
   * @param clusterName the EKS cluster's name, or a Terraform token
   */
  public static Map<String, Object> clusterNameEnv(String clusterName) {
    if (clusterName == null
        || !Tokens.isToken(clusterName) && !CLUSTER.matcher(clusterName).matches()) {
      throw new ValidationException(
          "clusterName ("
              + clusterName
              + ") must be an EKS cluster name: 1 to 100 letters, digits, '-' and '_', e.g."
              + " otel-stack-prod");
    }
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("name", RESOURCE_ATTRIBUTES_ENV);
    env.put("value", CLUSTER_NAME + "=" + clusterName);
    return env;
  }

  @Override
  public ComponentType type() {
    return ComponentType.RESOURCE_DETECTION;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("detectors", detectors);
    s.put("timeout", TIMEOUT_SECONDS + "s");
    s.put("override", false);
    return s;
  }
}

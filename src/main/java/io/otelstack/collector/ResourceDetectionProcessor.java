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
 * <p>The {@code env} detector reads {@value #RESOURCE_ATTRIBUTES_ENV}, which every collector pod
 * sets ({@link #resourceAttributesEnv}): {@code k8s.cluster.name}, {@code cloud.provider=aws} and
 * {@code cloud.platform=aws_eks}, known when the stack is deployed. The {@code ec2} detector adds
 * the instance (host ID, name, type, image) and its region, zone and account from the instance
 * metadata service. Host attributes are true only of data from the collector's own node, so only
 * node-local collectors (the agent) run {@code ec2}.
 *
 * <p>No {@code eks} detector: by default it adds only {@code cloud.provider} and {@code
 * cloud.platform}, which the environment states, and it builds a Kubernetes client from the pod's
 * in-cluster configuration when the collector starts, so a collector outside a pod (the proof
 * tier's, {@code otelcol validate}) refuses to start with it ("unable to load in-cluster
 * configuration").
 *
 * <p>Detection runs once at start-up, bounded by {@value #TIMEOUT_SECONDS} s: where the instance
 * metadata service is absent or unreachable (IMDSv2 with a hop limit of 1 keeps pods off it), the
 * {@code ec2} detector contributes nothing and the collector starts anyway (no {@code
 * fail_on_missing_metadata}).
 *
 * @param name instance name, e.g. {@code cluster}; empty for the unnamed instance
 * @param detectors detectors in order, from {@code env} and {@code ec2}; the first to set an
 *     attribute wins
 */
public record ResourceDetectionProcessor(String name, List<String> detectors) implements Component {
  /** The variable the {@code env} detector reads, {@code key=value} pairs separated by commas. */
  public static final String RESOURCE_ATTRIBUTES_ENV = "OTEL_RESOURCE_ATTRIBUTES";

  /** The attribute that names the cluster on every signal. */
  public static final String CLUSTER_NAME = "k8s.cluster.name";

  static final int TIMEOUT_SECONDS = 2;

  private static final Set<String> DETECTORS = Set.of("env", "ec2");

  /** EKS cluster names: letters, digits, '-' and '_', nothing the variable's format reserves. */
  private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

  /** Detection for node-local collectors: the cluster and its cloud, and the node's instance. */
  public static ResourceDetectionProcessor node() {
    return new ResourceDetectionProcessor("node", List.of("env", "ec2"));
  }

  /**
   * Detection for collectors whose data comes from other nodes (the gateway, the cluster
   * collector): the cluster and its cloud, no host.
   */
  public static ResourceDetectionProcessor cluster() {
    return new ResourceDetectionProcessor("cluster", List.of("env"));
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
   * The pod environment entry the {@code env} detector reads: the cluster's name, AWS, EKS.
   *
   * @param clusterName the EKS cluster's name, or a Terraform token
   */
  public static Map<String, Object> resourceAttributesEnv(String clusterName) {
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
    env.put(
        "value", CLUSTER_NAME + "=" + clusterName + ",cloud.provider=aws,cloud.platform=aws_eks");
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

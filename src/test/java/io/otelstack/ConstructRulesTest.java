package io.otelstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.constructs.cluster.EksVersions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule that a construct's props own and an environment file can break, broken by one
 * environment file each: the loader accepts the file (its types and ranges are right), the
 * construct rejects the combination, and synth prints one line naming the file, the field, the
 * value and what is allowed.
 *
 * <p>All the files sit in one directory and run through one synth, which reports one line per
 * environment, so the test also proves that one bad environment does not hide another's error.
 */
class ConstructRulesTest {
  private static final String ACCOUNT = "cluster:\n  accountId: \"444444444444\"\n";

  /** Environment name to the fields its file states, each breaking one construct rule. */
  private static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("queue-volume", "queue:\n  pvcSizeGi: 5\n");
    FILES.put("grace-logs", "collector:\n  terminationGracePeriodSeconds: 20\n");
    FILES.put("grace-gateway", "collector:\n  exporterTimeoutSeconds: 55\n");
    FILES.put("drop-debug", "logs:\n  severityThreshold: DEBUG\n  dropDebug: true\n");
    FILES.put("hpa-replicas", "hpa:\n  minReplicas: 5\n  maxReplicas: 3\n");
    FILES.put("default-tier", "metrics:\n  defaultTier: fast\n");
    FILES.put("decision-wait", "traces:\n  slowTraceThresholdMs: 30000\n");
    FILES.put("node-min", "  nodeGroups:\n    system:\n      minSize: 3\n      desiredSize: 2\n");
    FILES.put("node-max", "  nodeGroups:\n    system:\n      maxSize: 1\n");
    FILES.put("k8s-ended", "  kubernetesVersion: \"1.31\"\n");
    FILES.put("k8s-unknown", "  kubernetesVersion: \"1.28\"\n");
    FILES.put("least-weighted", "targetAllocator:\n  allocationStrategy: least-weighted\n");
    FILES.put("allowlist-regex", "metrics:\n  allowlist: [\"http_(requests\"]\n");
    FILES.put("drop-internal", "metrics:\n  dropLabels: [__meta_pod]\n");
    FILES.put("drop-name", "metrics:\n  dropLabels: [pod_ip, \".*name.*\"]\n");
    FILES.put("vpc-prefix", "  vpc:\n    cidr: 10.0.0.0/24\n");
    FILES.put("api-no-cidrs", "  endpoint:\n    publicAccess: true\n");
    FILES.put("api-cidrs-closed", "  endpoint:\n    publicAccessCidrs: [203.0.113.0/24]\n");
    FILES.put(
        "api-open", "  endpoint:\n    publicAccess: true\n    publicAccessCidrs: [0.0.0.0/0]\n");
  }

  @TempDir static Path dir;
  private static int exitCode;
  private static List<String> lines;
  private static Path outdir;

  @BeforeAll
  static void synthEveryFile() throws IOException {
    Files.copy(Path.of("environments/_defaults.yaml"), dir.resolve("_defaults.yaml"));
    FILES.forEach((name, fields) -> write(dir.resolve(name + ".yaml"), ACCOUNT + fields));
    outdir = dir.resolve("cdktf.out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    exitCode =
        Main.run(
            Map.of("STACK_ENVIRONMENTS_DIR", dir.toString(), "CDKTF_OUTDIR", outdir.toString()),
            LocalDate.parse(EksVersions.CHECKED),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    lines = err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String file(String name) {
    return "  " + dir.resolve(name + ".yaml") + ": ";
  }

  @Test
  void namesTheFileFieldValueAndWhatIsAllowedForEveryConstructRule() {
    assertThat(exitCode).isEqualTo(1);
    assertThat(outdir).as("nothing is written for bad input").doesNotExist();
    assertThat(lines)
        .containsExactly(
            "otel-stack: invalid configuration:",
            file("allowlist-regex")
                + "metrics.allowlist[0] (http_(requests) is not a valid regex: Unclosed group near"
                + " index 14",
            file("api-cidrs-closed")
                + "cluster.endpoint.publicAccessCidrs [203.0.113.0/24] is set but"
                + " cluster.endpoint.publicAccess is false; set cluster.endpoint.publicAccess to"
                + " true to open the public endpoint to them, or remove them",
            file("api-no-cidrs")
                + "cluster.endpoint.publicAccess is true but cluster.endpoint.publicAccessCidrs is"
                + " empty; list the CIDR blocks allowed to reach the public endpoint, e.g."
                + " 203.0.113.0/24, or set cluster.endpoint.publicAccess to false",
            file("api-open")
                + "cluster.endpoint.publicAccessCidrs contains 0.0.0.0/0, which opens the"
                + " Kubernetes API to the whole internet; list only the CIDR blocks that need"
                + " access",
            file("decision-wait")
                + "traces.decisionWaitSeconds (10 s) must be longer than"
                + " traces.slowTraceThresholdMs (30000 ms): the sampler decides after the wait, so"
                + " a slower trace is judged before it ends; raise decisionWaitSeconds or lower"
                + " the threshold",
            file("default-tier")
                + "metrics.defaultTier (fast) must be one of metrics.scrapeTiers (critical,"
                + " development, normal); pick one, or add the tier",
            file("drop-debug")
                + "logs.dropDebug (true) contradicts logs.severityThreshold (DEBUG): dropping"
                + " debug logs needs a threshold of INFO or higher; set dropDebug to false or"
                + " raise the threshold",
            file("drop-internal")
                + "metrics.dropLabels[0] (__meta_pod) starts with __; labels starting with __ are"
                + " Prometheus internals, which relabeling needs; name the labels to drop instead",
            file("drop-name")
                + "metrics.dropLabels[1] (.*name.*) matches __name__, which holds every metric's"
                + " name; make the regex match only the labels to drop",
            file("grace-gateway")
                + "collector.terminationGracePeriodSeconds (60) must be >="
                + " collector.preStopDelaySeconds (10) + collector.exporterTimeoutSeconds (55) ="
                + " 65, so a send in flight finishes or times out before SIGKILL (what is still"
                + " queued stays on the volume and is resent on restart); raise it to at least 65",
            file("grace-logs")
                + "collector.terminationGracePeriodSeconds (20) must be >="
                + " collector.exporterTimeoutSeconds (30), so a send in flight finishes or times"
                + " out before the agent is killed (what is still queued stays on the node and is"
                + " sent after the restart); raise it to at least 30",
            file("hpa-replicas")
                + "hpa.minReplicas (5) must be <= hpa.maxReplicas (3); raise maxReplicas or lower"
                + " minReplicas",
            file("k8s-ended")
                + "cluster.kubernetesVersion (1.31) left EKS extended support on 2026-11-26; use"
                + " 1.36",
            file("k8s-unknown")
                + "cluster.kubernetesVersion (1.28) is not a Kubernetes version EKS offers; use one"
                + " of [1.36, 1.35, 1.34, 1.33, 1.32, 1.31, 1.30, 1.29] (newest first), or add a"
                + " newer one with its support dates to EksVersions",
            file("least-weighted")
                + "targetAllocator.replicas (2) must be 1 with allocationStrategy least-weighted,"
                + " whose replicas would each assign targets differently; use consistent-hashing"
                + " to run more",
            file("node-max")
                + "cluster.nodeGroups.system.desiredSize (2) must be <="
                + " cluster.nodeGroups.system.maxSize (1); lower desiredSize or raise maxSize",
            file("node-min")
                + "cluster.nodeGroups.system.minSize (3) must be <="
                + " cluster.nodeGroups.system.desiredSize (2); lower minSize or raise desiredSize",
            file("queue-volume")
                + "queue.pvcSizeGi (5) must hold 4 full queues of queue.sizeBatches (5000) x"
                + " queue.maxBatchSizeKi (512), i.e. at least 10; raise pvcSizeGi or lower"
                + " sizeBatches",
            file("vpc-prefix")
                + "cluster.vpc.cidr (10.0.0.0/24) must have a prefix between /16 and /20: the"
                + " private subnets (prefix + 3) give every pod a VPC address, and AWS allows no"
                + " VPC larger than /16");
  }
}

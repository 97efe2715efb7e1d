package io.otelstack.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelstack.testing.Checkov;
import io.otelstack.testing.Checkov.Finding;
import io.otelstack.testing.Helm;
import io.otelstack.testing.KubernetesManifests;
import io.otelstack.testing.SynthRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * checkov over what the stack deploys: every synthesized stack as Terraform JSON, and what Helm
 * installs from every release (rendered with {@code helm template} from the real charts), together
 * with the stack's own Kubernetes objects the scanner relates to the pods (its NetworkPolicies). A
 * failed check fails the test unless {@code .checkov.yaml} skips it with a reason.
 */
@Tag("integration")
class SecurityScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The Target Allocator's securityContext belongs to issue #14: its post-renderer gives the
   * container one, but no pod-level securityContext and no read-only root file system yet, so these
   * two checks fail on the allocator's Deployment, and only there. The test fails once they pass,
   * so this list is deleted then.
   */
  private static final Set<String> ALLOCATOR_CHECKS_AWAITING_ISSUE_14 =
      Set.of("CKV_K8S_22", "CKV_K8S_29");

  @Test
  void synthesizedStacksPassCheckov() {
    Path stacks = SynthRun.everyEnvironment().outdir().resolve("stacks");

    assertThat(Checkov.failures("terraform_json", stacks)).isEmpty();
  }

  @Test
  void renderedReleasesPassCheckov(@TempDir Path dir) throws IOException {
    List<Finding> failures = Checkov.failures("kubernetes", render(dir));

    List<Finding> awaiting = failures.stream().filter(SecurityScanTest::awaitsIssue14).toList();
    assertThat(failures).as("failed checks").containsExactlyInAnyOrderElementsOf(awaiting);
    assertThat(awaiting.stream().map(Finding::checkId).distinct())
        .as("allocator checks still awaiting #14 (delete those that pass from the list)")
        .containsExactlyInAnyOrderElementsOf(ALLOCATOR_CHECKS_AWAITING_ISSUE_14);
  }

  private static boolean awaitsIssue14(Finding f) {
    return ALLOCATOR_CHECKS_AWAITING_ISSUE_14.contains(f.checkId())
        && f.resource().startsWith("Deployment.")
        && f.file().contains("/TargetAllocator_");
  }

  @Test
  void checkovReportsABrokenStack(@TempDir Path dir) throws IOException {
    Path stack = SynthRun.everyEnvironment().outdir().resolve("stacks/prod-cluster/cdk.tf.json");
    JsonNode broken = JSON.readTree(stack.toFile());
    // Pods regain a path to the node role's credentials.
    broken
        .path("resource")
        .path("aws_launch_template")
        .elements()
        .forEachRemaining(
            t -> ((ObjectNode) t.path("metadata_options")).put("http_put_response_hop_limit", 2));
    Files.createDirectories(dir.resolve("prod-cluster"));
    JSON.writeValue(dir.resolve("prod-cluster/cdk.tf.json").toFile(), broken);

    assertThat(Checkov.failures("terraform_json", dir))
        .extracting(Finding::checkId)
        .isNotEmpty()
        .containsOnly("CKV_AWS_341");
  }

  /**
   * Writes, per environment, the manifests of every helm release of its telemetry stack and the
   * stack's NetworkPolicies as Kubernetes YAML.
   */
  private static Path render(Path dir) throws IOException {
    Path stacks = SynthRun.everyEnvironment().outdir().resolve("stacks");
    List<Path> telemetry;
    try (Stream<Path> all = Files.list(stacks)) {
      telemetry = all.filter(p -> p.getFileName().toString().endsWith("-telemetry")).toList();
    }
    assertThat(telemetry).hasSize(3);
    for (Path stack : telemetry) {
      JsonNode synthesized = JSON.readTree(stack.resolve("cdk.tf.json").toFile());
      Path out = Files.createDirectories(dir.resolve(stack.getFileName()));
      List<String> names = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it =
              synthesized.path("resource").path("helm_release").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> release = it.next();
        names.add(release.getKey());
        Files.writeString(
            out.resolve(release.getKey() + ".yaml"), Helm.template(release.getValue()));
      }
      assertThat(names).hasSize(3);
      Files.writeString(
          out.resolve("network-policies.yaml"), KubernetesManifests.networkPolicies(synthesized));
    }
    return dir;
  }
}

package io.otelstack.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelstack.testing.Checkov;
import io.otelstack.testing.Checkov.Finding;
import io.otelstack.testing.ExternalTools;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * checkov over what the stack deploys: every synthesized stack as Terraform JSON, and what Helm
 * installs from every release (rendered with {@code helm template} from the real charts), together
 * with the stack's own Kubernetes objects the scanner relates to the pods (its NetworkPolicies). A
 * failed check fails the test unless it is one of the exemptions docs/security.md lists ({@link
 * SecurityExemptions}), each scoped to the stacks or releases it names.
 */
@Tag("integration")
class SecurityScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CHECKOV_YAML = ExternalTools.projectDir().resolve(".checkov.yaml");

  /** A release's rendered manifests: {@code <stack>/<release>_<hash>.yaml}. */
  private static final Pattern RELEASE_FILE =
      Pattern.compile("/([a-z0-9]+-telemetry)/([A-Za-z]+)_[0-9A-F]+\\.yaml$");

  /** The rendered releases, shared by the tests that scan them. */
  @TempDir static Path rendered;

  @Test
  void synthesizedStacksPassCheckov() {
    assertThat(Checkov.failures("terraform_json", stacks())).isEmpty();
  }

  /**
   * The rendered releases fail exactly the checks {@link SecurityExemptions#RELEASE_WAIVERS} waive
   * on their workloads, in every environment: a failure on anything else fails, and so does a
   * waived check that passes (delete it from the list).
   */
  @Test
  void renderedReleasesFailOnlyTheWaivedChecksOnTheirWorkloads() throws IOException {
    Path dir = render();
    Set<String> stacks;
    try (Stream<Path> all = Files.list(dir)) {
      stacks = all.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }

    assertThat(Checkov.failures("kubernetes", dir).stream().map(SecurityScanTest::key).toList())
        .as("failed checks, as check, release and workload kind")
        .containsExactlyInAnyOrderElementsOf(SecurityExemptions.expectedReleaseFailures(stacks));
  }

  /** A failure on a release's rendered object as {@link SecurityExemptions#failureKey}. */
  private static String key(Finding f) {
    Matcher release = RELEASE_FILE.matcher(f.file());
    return release.find()
        ? SecurityExemptions.failureKey(
            f.checkId(),
            release.group(1),
            release.group(2),
            f.resource().substring(0, f.resource().indexOf('.')))
        : f.toString();
  }

  /**
   * Every skip of {@code .checkov.yaml} is needed: without the file, its check fails in the stack
   * it names. A skip that waives nothing (the stack was fixed) fails here.
   */
  @Test
  void everySkipWaivesAFailure() throws IOException {
    List<Finding> failures = Checkov.failuresWithoutSkips("terraform_json", stacks());

    assertThat(SecurityExemptions.skips(Files.readString(CHECKOV_YAML)))
        .allSatisfy(
            skip ->
                assertThat(failures)
                    .as("failures %s waives", skip)
                    .anyMatch(
                        f ->
                            f.checkId().equals(skip.checkId())
                                && skip.path().matcher(f.file()).find()));
  }

  /**
   * Prod is held to the checks dev and staging are exempt from: given dev's control-plane logs and
   * public endpoint, prod's cluster stack fails exactly those two.
   */
  @Test
  void prodFailsTheChecksDevIsExemptFromOnceItsFixesAreRemoved(@TempDir Path dir)
      throws IOException {
    JsonNode broken = JSON.readTree(stacks().resolve("prod-cluster/cdk.tf.json").toFile());
    broken
        .path("resource")
        .path("aws_eks_cluster")
        .elements()
        .forEachRemaining(
            c -> {
              ((ObjectNode) c)
                  .putArray("enabled_cluster_log_types")
                  .add("api")
                  .add("audit")
                  .add("authenticator");
              ((ObjectNode) c.path("vpc_config"))
                  .put("endpoint_public_access", true)
                  .putArray("public_access_cidrs")
                  .add("203.0.113.0/24");
            });
    Files.createDirectories(dir.resolve("prod-cluster"));
    JSON.writeValue(dir.resolve("prod-cluster/cdk.tf.json").toFile(), broken);

    assertThat(Checkov.failures("terraform_json", dir))
        .extracting(Finding::checkId)
        .containsExactlyInAnyOrder("CKV_AWS_37", "CKV_AWS_39");
  }

  @Test
  void checkovReportsABrokenStack(@TempDir Path dir) throws IOException {
    JsonNode broken = JSON.readTree(stacks().resolve("prod-cluster/cdk.tf.json").toFile());
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

  private static Path stacks() {
    return SynthRun.everyEnvironment().outdir().resolve("stacks");
  }

  /**
   * Writes, once, per environment, the manifests of every helm release of its telemetry stack (as
   * {@code <stack>/<release id>.yaml}, the paths {@code .checkov.yaml} scopes skips by) and the
   * stack's NetworkPolicies as Kubernetes YAML.
   */
  private static synchronized Path render() throws IOException {
    if (Files.exists(rendered.resolve("prod-telemetry"))) {
      return rendered;
    }
    List<Path> telemetry;
    try (Stream<Path> all = Files.list(stacks())) {
      telemetry = all.filter(p -> p.getFileName().toString().endsWith("-telemetry")).toList();
    }
    assertThat(telemetry).hasSize(3);
    for (Path stack : telemetry) {
      JsonNode synthesized = JSON.readTree(stack.resolve("cdk.tf.json").toFile());
      Path out = Files.createDirectories(rendered.resolve(stack.getFileName()));
      List<String> names = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it =
              synthesized.path("resource").path("helm_release").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> release = it.next();
        names.add(release.getKey());
        Files.writeString(
            out.resolve(release.getKey() + ".yaml"), Helm.template(release.getValue()));
      }
      assertThat(names).as("Logs, MetricsTraces, TargetAllocator, ClusterCollector").hasSize(4);
      Files.writeString(
          out.resolve("network-policies.yaml"), KubernetesManifests.networkPolicies(synthesized));
    }
    return rendered;
  }
}

package io.otelstack.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelstack.stacks.SecurityExemptions.Exemption;
import io.otelstack.testing.Environments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md lists every security-scan exemption with its check, scope, what waives it and
 * why; this keeps that list equal to what is configured ({@link SecurityExemptions}).
 */
class SecurityExemptionsReadmeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PROJECT = Path.of(System.getProperty("project.basedir", "."));

  @Test
  void readmeListsEveryExemptionAsConfigured() throws IOException {
    List<Exemption> listed = SecurityExemptions.listedIn(read("docs/security.md"));

    assertThat(SecurityExemptions.differences(listed, configured(read(".checkov.yaml")))).isEmpty();
    assertThat(listed).as("exemptions in docs/security.md").hasSize(13);
  }

  @Test
  void prodIsNotExemptFromLoggingEveryControlPlaneLogTypeNorFromAPrivateEndpoint()
      throws IOException {
    assertThat(configured(read(".checkov.yaml")))
        .filteredOn(e -> List.of("CKV_AWS_37", "CKV_AWS_39").contains(e.checkId()))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.scope()).doesNotContain("prod-cluster"));
  }

  @Test
  void failsWhenTheReadmeAndTheConfigurationDisagree() throws IOException {
    String readme =
        read("docs/security.md")
            .replace(
                "| `dev-cluster`, `staging-cluster` | `.checkov.yaml` | Control-plane log types",
                "| `dev-cluster`, `staging-cluster`, `prod-cluster` | `.checkov.yaml` |"
                    + " Control-plane log types");
    String checkovYaml =
        read(".checkov.yaml")
            + "  # The API server's CIDRs are refused at 0.0.0.0/0 anyway.\n"
            + "  - CKV_AWS_38:/prod-cluster/\n";

    assertThat(
            SecurityExemptions.differences(
                SecurityExemptions.listedIn(readme), configured(checkovYaml)))
        .containsExactly(
            "CKV_AWS_37: docs/security.md scope [dev-cluster, prod-cluster, staging-cluster], configured"
                + " [dev-cluster, staging-cluster]",
            "CKV_AWS_38: configured (CKV_AWS_38 in [prod-cluster] by `.checkov.yaml`: The API"
                + " server's CIDRs are refused at 0.0.0.0/0 anyway.), but docs/security.md does not list"
                + " it");
  }

  private static List<Exemption> configured(String checkovYaml) throws IOException {
    Map<String, JsonNode> telemetry = new TreeMap<>();
    for (String env : Environments.NAMES) {
      String stack = env + "-telemetry";
      telemetry.put(
          stack,
          JSON.readTree(
              PROJECT.resolve("src/test/resources/snapshots/" + stack + ".json").toFile()));
    }
    return SecurityExemptions.configured(checkovYaml, telemetry);
  }

  private static String read(String file) throws IOException {
    return Files.readString(PROJECT.resolve(file));
  }
}

package io.otelstack.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Testing;
import io.otelstack.config.EnvironmentLoader;
import io.otelstack.testing.Synth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's upgrade path from 1.33 to 1.36, synthesized step by step for prod: each minor
 * version, then the add-on. Between two steps the cluster stack may differ only in the version
 * attributes that hashicorp/aws 5.100.0 updates in place (none of them is {@code ForceNew} in the
 * provider's schema: {@code aws_eks_cluster.version} calls UpdateClusterVersion, {@code
 * aws_eks_node_group.version} UpdateNodegroupVersion, {@code aws_eks_addon.addon_version}
 * UpdateAddon). Any other changed attribute could replace a cluster, a node group or an add-on.
 */
class KubernetesUpgradePathTest {
  /** Resource type to the one attribute an upgrade step may change. */
  private static final Map<String, String> IN_PLACE =
      Map.of(
          "aws_eks_cluster", "version",
          "aws_eks_node_group", "version",
          "aws_eks_addon", "addon_version");

  private static final String OLD_ADDON = "v1.48.0-eksbuild.1";
  private static final String NEW_ADDON = "v1.61.0-eksbuild.1";

  @TempDir Path dir;

  private JsonNode prodCluster(String kubernetesVersion, String ebsCsiAddonVersion)
      throws IOException {
    Path environments = Path.of("environments");
    String defaults =
        Files.readString(environments.resolve(EnvironmentLoader.DEFAULTS))
            .replaceFirst(
                "kubernetesVersion: \"[^\"]+\"", "kubernetesVersion: \"" + kubernetesVersion + "\"")
            .replaceFirst("ebsCsiAddonVersion: \\S+", "ebsCsiAddonVersion: " + ebsCsiAddonVersion);
    Path step = Files.createTempDirectory(dir, "step");
    Files.writeString(step.resolve(EnvironmentLoader.DEFAULTS), defaults);
    Files.copy(environments.resolve("prod.yaml"), step.resolve("prod.yaml"));
    return Synth.parse(
        Testing.synth(
            new ClusterStack(Testing.app(), "prod-cluster", EnvironmentLoader.load(step, "prod"))));
  }

  /** Every leaf that differs between two synthesized stacks, as type/name/attribute/path. */
  private static Set<String> changes(JsonNode before, JsonNode after) {
    Set<String> out = new TreeSet<>();
    diff("", before, after, out);
    return out;
  }

  private static void diff(String path, JsonNode a, JsonNode b, Set<String> out) {
    if (a.isContainerNode() && b.isContainerNode() && a.getNodeType() == b.getNodeType()) {
      Set<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      if (a.isArray()) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
          diff(path + "/" + i, a.path(i), b.path(i), out);
        }
      }
      for (String k : keys) {
        diff(path + "/" + k, a.path(k), b.path(k), out);
      }
    } else if (!a.equals(b)) {
      out.add(path);
    }
  }

  /** Whether a changed path is one of the in-place version attributes. */
  private static boolean inPlace(String path) {
    String[] p = path.split("/");
    return p.length == 5 && p[1].equals("resource") && p[4].equals(IN_PLACE.get(p[2]));
  }

  private static void assertOnlyInPlace(Set<String> changed, String step) {
    assertThat(changed).as(step + " changes something").isNotEmpty();
    assertThat(changed.stream().filter(c -> !inPlace(c)).toList())
        .as(step + ": attributes that are not in-place version updates")
        .isEmpty();
  }

  @Test
  void eachMinorStepChangesOnlyTheControlPlaneVersion() throws IOException {
    JsonNode before = prodCluster("1.33", OLD_ADDON);
    for (String next : new String[] {"1.34", "1.35", "1.36"}) {
      JsonNode after = prodCluster(next, OLD_ADDON);
      Set<String> changed = changes(before, after);
      assertOnlyInPlace(changed, "to " + next);
      assertThat(changed)
          .as("the control plane moves in step " + next)
          .singleElement()
          .asString()
          .startsWith("/resource/aws_eks_cluster/");
      before = after;
    }
  }

  @Test
  void theAddonStepChangesOnlyTheEbsCsiAddonVersion() throws IOException {
    Set<String> changed = changes(prodCluster("1.36", OLD_ADDON), prodCluster("1.36", NEW_ADDON));
    assertOnlyInPlace(changed, "the add-on step");
    assertThat(changed).hasSize(1);
    assertThat(changed.iterator().next()).startsWith("/resource/aws_eks_addon/");
  }

  @Test
  void nodeGroupsFollowTheControlPlanesVersionAfterIt() throws IOException {
    // Each node group takes its version from the cluster resource's version attribute, so a step
    // changes it too (planned in place, UpdateNodegroupVersion), and Terraform updates it only
    // after the control plane it references, as EKS requires.
    JsonNode groups = prodCluster("1.36", NEW_ADDON).path("resource").path("aws_eks_node_group");
    assertThat(groups.size()).isPositive();
    for (Iterator<JsonNode> it = groups.elements(); it.hasNext(); ) {
      assertThat(it.next().path("version").asText())
          .matches("\\$\\{aws_eks_cluster\\.[A-Za-z0-9_]+\\.version}");
    }
  }
}

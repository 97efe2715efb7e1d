package io.otelstack.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelstack.testing.ChartArchives;
import io.otelstack.testing.Synth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swaps, in a synthesized stack or module, only what cannot exist on a loopback control plane, and
 * records every swap so the test can print it:
 *
 * <ul>
 *   <li>the EKS cluster data source and the providers' {@code aws eks get-token} become the test
 *       kubeconfig;
 *   <li>the Secrets Manager data source becomes a dummy key;
 *   <li>each release's chart repository becomes the packaged chart in {@code shared/charts},
 *       checked against its pinned sha256 first;
 *   <li>an S3 backend becomes a local state file.
 * </ul>
 *
 * Everything else (resources, values, {@code wait}, {@code atomic}, timeouts, dependencies) is
 * applied as synthesized.
 */
public final class TestOverlay {
  /** What the Coralogix key reads as; never a real key. */
  public static final String DUMMY_KEY = "overlay-dummy-coralogix-key";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SECRET_REF =
      Pattern.compile(
          "\\$\\{data\\.aws_secretsmanager_secret_version\\.[A-Za-z0-9_]+\\.secret_string}");

  /**
   * A top-level HCL block: from a line starting with its keyword to the closing brace at column 0.
   */
  private static final Pattern TOP_LEVEL_BLOCK =
      Pattern.compile("^(\\w+)\\b[^\\n]*\\{\\n.*?^}", Pattern.MULTILINE | Pattern.DOTALL);

  private final List<String> swaps = new ArrayList<>();

  /** The swaps made so far, one line each. */
  public List<String> swaps() {
    return List.copyOf(swaps);
  }

  /**
   * A root configuration from a README example in HCL: its {@code terraform}, {@code variable},
   * {@code module} and {@code output} blocks are kept as written (the module call passes the
   * cluster's name from a variable); its {@code provider} and {@code data} blocks (the AWS
   * provider, the EKS lookup, providers authenticated by {@code aws eks get-token}) are replaced by
   * providers reading the test kubeconfig, written to {@code providers.tf}.
   */
  public void writeRootFromExample(String hcl, Path dir, Path kubeconfig) {
    StringBuilder kept = new StringBuilder();
    Matcher block = TOP_LEVEL_BLOCK.matcher(hcl);
    while (block.find()) {
      String kind = block.group(1);
      if (List.of("terraform", "variable", "module", "output").contains(kind)) {
        kept.append(block.group()).append('\n');
      } else {
        swaps.add(
            "README example: " + block.group().lines().findFirst().orElseThrow() + " ... removed");
      }
    }
    swaps.add("README example: providers kubernetes and helm -> " + kubeconfig);
    String path = "\"" + kubeconfig + "\"";
    try {
      Files.writeString(dir.resolve("main.tf"), kept.toString());
      Files.writeString(
          dir.resolve("providers.tf"),
          "provider \"kubernetes\" {\n  config_path = "
              + path
              + "\n}\n\nprovider \"helm\" {\n  kubernetes = {\n    config_path = "
              + path
              + "\n  }\n}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites {@code file} (a {@code *.tf.json}) in place. */
  public void rewrite(Path file, Path kubeconfig) {
    try {
      String text = Files.readString(file);
      Matcher m = SECRET_REF.matcher(text);
      if (m.find()) {
        swaps.add(file.getFileName() + ": " + m.group() + " -> \"" + DUMMY_KEY + "\"");
        text = m.replaceAll(DUMMY_KEY);
      }
      ObjectNode config = (ObjectNode) Synth.parse(text);
      dropAwsData(config, file);
      kubeconfigProviders(config, kubeconfig);
      localCharts(config);
      localBackend(config);
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
      if (Files.readString(file).contains("data.aws_")) {
        throw new AssertionError(file + " still reads an AWS data source after the overlay");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void dropAwsData(ObjectNode config, Path file) {
    JsonNode data = config.path("data");
    for (String type : List.of("aws_eks_cluster", "aws_secretsmanager_secret_version")) {
      if (data.has(type)) {
        ((ObjectNode) data).remove(type);
        swaps.add(file.getFileName() + ": data." + type + " removed");
      }
    }
    if (data.isObject() && data.isEmpty()) {
      config.remove("data");
    }
    boolean awsResources = false;
    for (Iterator<String> it = config.path("resource").fieldNames(); it.hasNext(); ) {
      awsResources |= it.next().startsWith("aws_");
    }
    if (!awsResources && config.path("terraform").path("required_providers").has("aws")) {
      ((ObjectNode) config.path("terraform").path("required_providers")).remove("aws");
      if (config.path("provider").has("aws")) {
        ((ObjectNode) config.path("provider")).remove("aws");
      }
      swaps.add(file.getFileName() + ": aws provider dropped (nothing in AWS left to manage)");
    }
  }

  private void kubeconfigProviders(ObjectNode config, Path kubeconfig) {
    JsonNode providers = config.path("provider");
    if (providers.has("kubernetes")) {
      ((ObjectNode) providers)
          .putArray("kubernetes")
          .addObject()
          .put("config_path", kubeconfig.toString());
      swaps.add("provider.kubernetes: EKS endpoint + aws eks get-token -> " + kubeconfig);
    }
    if (providers.has("helm")) {
      ((ObjectNode) providers)
          .putArray("helm")
          .addObject()
          .putObject("kubernetes")
          .put("config_path", kubeconfig.toString());
      swaps.add("provider.helm: EKS endpoint + aws eks get-token -> " + kubeconfig);
    }
  }

  private void localCharts(ObjectNode config) {
    config
        .path("resource")
        .path("helm_release")
        .fields()
        .forEachRemaining(
            e -> {
              ObjectNode release = (ObjectNode) e.getValue();
              Path tgz =
                  ChartArchives.verified(
                      release.path("chart").asText(), release.path("version").asText());
              swaps.add(
                  "helm_release."
                      + e.getKey()
                      + ": repository "
                      + release.path("repository").asText()
                      + " -> "
                      + tgz);
              release.remove("repository");
              release.put("chart", tgz.toString());
            });
  }

  private void localBackend(ObjectNode config) {
    JsonNode terraform = config.path("terraform");
    if (terraform.has("backend")) {
      swaps.add(
          "terraform.backend: " + terraform.path("backend").fieldNames().next() + " -> local");
      ((ObjectNode) terraform)
          .putObject("backend")
          .putObject("local")
          .put("path", "terraform.tfstate");
    }
  }
}

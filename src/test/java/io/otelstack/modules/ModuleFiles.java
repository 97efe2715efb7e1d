package io.otelstack.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Testing;
import io.otelstack.testing.ExternalTools;
import io.otelstack.testing.Synth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed files of {@code modules/otel-collector-stack}, as the constructs produce them now.
 *
 * <p>{@code main.tf.json} is {@link Testing#synth}'s output: keys sorted, two-space indent, and no
 * {@code //} metadata (construct paths and the cdktf version), so it changes only when the
 * Terraform does. In the README, the part between {@link #BEGIN} and {@link #END} is generated from
 * the variables and outputs; the rest is written by hand.
 */
final class ModuleFiles {
  static final String BEGIN = "<!-- BEGIN GENERATED: inputs and outputs, by ModuleDriftTest -->";
  static final String END = "<!-- END GENERATED -->";

  private static final Pattern HCL_BLOCK = Pattern.compile("```hcl\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SOURCE = Pattern.compile("source\\s*=\\s*\"[^\"]*\"");

  private ModuleFiles() {}

  /** The HCL example of the module README. */
  static String readmeExample() throws IOException {
    Matcher m =
        HCL_BLOCK.matcher(
            Files.readString(directory().resolve("README.md"), StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new AssertionError("the module README has no hcl example");
    }
    return m.group(1);
  }

  /** The README example calling the module from {@code ./otel-collector-stack}. */
  static String readmeExampleWithLocalSource() throws IOException {
    return SOURCE.matcher(readmeExample()).replaceFirst("source = \"./otel-collector-stack\"");
  }

  /** The module directory in this checkout. */
  static Path directory() {
    return ExternalTools.projectDir().resolve(OtelCollectorStackModule.DIRECTORY);
  }

  /** {@code main.tf.json}: the synthesized module. */
  static String mainTfJson() {
    return Testing.synth(new OtelCollectorStackModule(Testing.app(), "otel-collector-stack"))
        + "\n";
  }

  /** {@code readme} with its generated part replaced by the tables of {@code mainTfJson}. */
  static String readme(String readme, String mainTfJson) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new AssertionError("the module README must contain " + BEGIN + " ... " + END);
    }
    return readme.substring(0, begin + BEGIN.length())
        + "\n"
        + tables(Synth.parse(mainTfJson))
        + readme.substring(end);
  }

  private static String tables(JsonNode module) {
    StringBuilder md = new StringBuilder();
    md.append("### Inputs\n\n| Name | Type | Default | Description |\n| --- | --- | --- | --- |\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = module.path("variable").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> v = it.next();
      JsonNode def = v.getValue().get("default");
      md.append(
          row(
              "`" + v.getKey() + "`",
              "`" + v.getValue().path("type").asText() + "`",
              def == null ? "required" : "`" + def + "`",
              v.getValue().path("description").asText()));
    }
    md.append("\n### Outputs\n\n| Name | Description |\n| --- | --- |\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = module.path("output").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> o = it.next();
      md.append(row("`" + o.getKey() + "`", o.getValue().path("description").asText()));
    }
    return md.append("\n").toString();
  }

  private static String row(String... cells) {
    StringBuilder r = new StringBuilder("|");
    for (String c : cells) {
      r.append(' ').append(c.replace("|", "\\|")).append(" |");
    }
    return r.append('\n').toString();
  }
}

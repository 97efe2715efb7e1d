package io.otelstack.modules;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.Testing;
import io.otelstack.ValidationException;
import io.otelstack.config.Environment;
import io.otelstack.config.EnvironmentFields;
import io.otelstack.config.EnvironmentLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code tools/generate-module}: writes {@code modules/otel-collector-stack} (its {@code *.tf.json}
 * files and the generated part of its README) from {@link OtelCollectorStackModule} and {@code
 * environments/_defaults.yaml}. {@code ModuleDriftTest} compares the committed files with {@link
 * #files}, so the module never drifts from the constructs or the defaults.
 *
 * <p>Run from the repository root; prints each file it changed.
 */
public final class ModuleGenerator {
  /** Start of the README's generated part. */
  public static final String BEGIN =
      "<!-- BEGIN GENERATED: inputs and outputs, by ModuleGenerator -->";

  /** End of the README's generated part. */
  public static final String END = "<!-- END GENERATED -->";

  /** The command that regenerates the module, for messages. */
  public static final String COMMAND = "tools/generate-module";

  // The schema requires an account ID in every environment; the module never reads it.
  private static final String ONLY_THE_REQUIRED = "cluster:\n  accountId: \"000000000000\"\n";
  private static final String MODULE_ENVIRONMENT = "module";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SPLIT_OFF = List.of("terraform", "variable", "output");
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""));

  private ModuleGenerator() {}

  /** Writes the module into {@code modules/otel-collector-stack} of the working directory. */
  public static void main(String[] args) throws IOException {
    // Relative, so that messages name environments/_defaults.yaml as the user knows it.
    Path root = Path.of("");
    try {
      boolean wrote = false;
      for (Map.Entry<String, String> file : files(root).entrySet()) {
        Path path = root.resolve(OtelCollectorStackModule.DIRECTORY).resolve(file.getKey());
        if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
          Files.createDirectories(path.getParent());
          Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
          System.out.println("wrote " + path);
          wrote = true;
        }
      }
      if (!wrote) {
        System.out.println(OtelCollectorStackModule.DIRECTORY + " is up to date");
      }
    } catch (ValidationException e) {
      System.err.println("otel-stack: invalid configuration:");
      e.errors().forEach(line -> System.err.println("  " + line));
      System.exit(1);
    }
  }

  /**
   * File name to content of every generated file of the module in the checkout at {@code root}: the
   * file set of a terraform-aws-modules module ({@code versions}, {@code variables}, {@code
   * outputs}, {@code main}) and the README.
   */
  public static Map<String, String> files(Path root) throws IOException {
    String synthesized = synthesized(root);
    ObjectNode module = (ObjectNode) JSON.readTree(synthesized);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "versions.tf.json",
        json(JSON.createObjectNode().set("terraform", module.get("terraform"))));
    files.put(
        "variables.tf.json", json(JSON.createObjectNode().set("variable", module.get("variable"))));
    files.put("outputs.tf.json", json(JSON.createObjectNode().set("output", module.get("output"))));
    files.put("main.tf.json", json(module.deepCopy().without(SPLIT_OFF)));
    Path readme = root.resolve(OtelCollectorStackModule.DIRECTORY).resolve("README.md");
    files.put("README.md", readme(Files.readString(readme, StandardCharsets.UTF_8), synthesized));
    return files;
  }

  /**
   * The whole module as one configuration, {@link Testing#synth}'s output (keys sorted, no {@code
   * //} metadata with construct paths and the cdktf version), so it changes only when the Terraform
   * does.
   */
  public static String synthesized(Path root) throws IOException {
    Path environments = root.resolve("environments");
    try {
      return Testing.synth(
          new OtelCollectorStackModule(
              Testing.app(), "otel-collector-stack", defaults(environments)));
    } catch (ValidationException e) {
      // A construct's check knows no file and names props; here every value came from the
      // defaults, so each message gets that file and its fields.
      Path file = environments.resolve(EnvironmentLoader.DEFAULTS);
      throw new ValidationException(
          e.errors().stream()
              .map(EnvironmentFields::inFileTerms)
              .map(m -> m.startsWith(file.toString()) ? m : file + ": " + m)
              .toList());
    }
  }

  /** Two-space indent and {@code "key": value}, as {@link Testing#synth} writes. */
  private static String json(JsonNode node) throws IOException {
    return JSON.writer(PRETTY).writeValueAsString(node) + "\n";
  }

  /**
   * The environment of {@code _defaults.yaml} alone: the loader merges an environment stating only
   * what the schema requires over it, so the module's defaults are validated as every environment's
   * are.
   */
  static Environment defaults(Path environments) throws IOException {
    Path dir = Files.createTempDirectory("otel-stack-module-");
    try {
      Files.copy(
          environments.resolve(EnvironmentLoader.DEFAULTS),
          dir.resolve(EnvironmentLoader.DEFAULTS));
      Files.writeString(dir.resolve(MODULE_ENVIRONMENT + ".yaml"), ONLY_THE_REQUIRED);
      return EnvironmentLoader.load(dir, MODULE_ENVIRONMENT);
    } catch (ValidationException e) {
      // Name the user's file, not the copy.
      throw new ValidationException(
          e.errors().stream()
              .map(m -> m.replace(dir.toString(), environments.toString()))
              .toList());
    } finally {
      try (Stream<Path> made = Files.walk(dir)) {
        for (Path p : made.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** {@code readme} with its generated part replaced by the tables of the {@code synthesized}. */
  static String readme(String readme, String synthesized) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new ValidationException(
          OtelCollectorStackModule.DIRECTORY + "/README.md must contain " + BEGIN + " ... " + END);
    }
    try {
      return readme.substring(0, begin + BEGIN.length())
          + "\n"
          + tables(JSON.readTree(synthesized))
          + readme.substring(end);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

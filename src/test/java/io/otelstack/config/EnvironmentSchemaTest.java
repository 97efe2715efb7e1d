package io.otelstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.otelstack.collector.CollectorImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNode SCHEMA = SchemaFields.schema().json();

  private static JsonNode yaml(String file) throws IOException {
    return YAML.readTree(EnvironmentFiles.read(file));
  }

  private static JsonNode at(JsonNode tree, List<String> path) {
    JsonNode node = tree;
    for (String name : path) {
      node = node.path(name);
    }
    return node;
  }

  @Test
  void isAValidDraft7Schema() {
    var meta =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema"));
    assertThat(meta.validate(SCHEMA)).isEmpty();
  }

  @Test
  void shipsOnTheClasspathExactlyAsCommitted() throws IOException {
    try (InputStream in = EnvironmentSchema.class.getResourceAsStream(EnvironmentSchema.RESOURCE)) {
      assertThat(JSON.readTree(in))
          .isEqualTo(JSON.readTree(EnvironmentFiles.read(EnvironmentSchema.RESOURCE)));
    }
  }

  @Test
  void defaultsEqualTheDefaultsFile() throws IOException {
    JsonNode defaults = yaml(EnvironmentLoader.DEFAULTS);
    List<String> mismatches = new ArrayList<>();
    for (SchemaFields.Field field : SchemaFields.all()) {
      JsonNode expected = field.declared().get("default");
      if (expected != null && !expected.equals(at(defaults, field.path()))) {
        mismatches.add(
            field.name() + ": schema " + expected + ", file " + at(defaults, field.path()));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void givesEveryFieldOfTheDefaultsFileASchemaDefault() throws IOException {
    List<String> uncovered = new ArrayList<>();
    collectUncovered(yaml(EnvironmentLoader.DEFAULTS), SCHEMA, "", uncovered);
    assertThat(uncovered).isEmpty();
  }

  private static void collectUncovered(
      JsonNode value, JsonNode declared, String path, List<String> uncovered) {
    if (declared.has("default")) {
      return;
    }
    JsonNode resolved = SchemaFields.schema().resolve(declared);
    if (!value.isObject() || !resolved.has("properties")) {
      uncovered.add(path);
      return;
    }
    value
        .fields()
        .forEachRemaining(
            field ->
                collectUncovered(
                    field.getValue(),
                    resolved.get("properties").path(field.getKey()),
                    YamlFile.child(path, field.getKey()),
                    uncovered));
  }

  @Test
  void leavesOnlyTheAccountIdWithoutADefault() {
    assertThat(SchemaFields.all())
        .filteredOn(field -> !field.name().contains(SchemaFields.ANY))
        .filteredOn(field -> !field.isRecord())
        .filteredOn(field -> !covered(field))
        .extracting(SchemaFields.Field::name)
        .containsExactly("cluster.accountId");
  }

  private static boolean covered(SchemaFields.Field field) {
    JsonNode node = SCHEMA;
    for (String name : field.path()) {
      if (node.has("default")) {
        return true;
      }
      node = SchemaFields.schema().resolve(node).path("properties").path(name);
    }
    return node.has("default");
  }

  @Test
  void describesEveryField() {
    assertThat(SchemaFields.all())
        .filteredOn(field -> !field.declared().hasNonNull("description"))
        .extracting(SchemaFields.Field::name)
        .isEmpty();
  }

  @Test
  void explainsEveryPatternInWords() {
    List<String> unexplained = new ArrayList<>();
    SCHEMA.findParents("pattern").stream()
        .filter(node -> !node.has("patternErrorMessage"))
        .forEach(node -> unexplained.add(node.toString()));
    assertThat(unexplained).isEmpty();
  }

  @Test
  void defaultsToTheContribImageOfThePinnedChart() {
    JsonNode image = SCHEMA.at("/properties/collector/properties/image/properties");
    assertThat(image.at("/repository/default").asText())
        .isEqualTo(CollectorImage.CONTRIB.repository());
    assertThat(image.at("/tag/default").asText()).isEqualTo(CollectorImage.CONTRIB.tag());
  }

  @ParameterizedTest(name = "{0} names the schema for editors")
  @ValueSource(strings = {"_defaults.yaml", "dev.yaml", "prod.yaml", "staging.yaml"})
  void namesTheSchemaForEditors(String file) {
    assertThat(EnvironmentFiles.read(file))
        .startsWith("# yaml-language-server: $schema=./environment.schema.json\n");
  }

  @ParameterizedTest(name = "{0} states only what differs from the defaults")
  @ValueSource(strings = {"dev.yaml", "prod.yaml", "staging.yaml"})
  void statesOnlyWhatDiffersFromTheDefaults(String file) throws IOException {
    List<String> repeated = new ArrayList<>();
    collectRepeated(yaml(file), yaml(EnvironmentLoader.DEFAULTS), "", repeated);
    assertThat(repeated).isEmpty();
  }

  private static void collectRepeated(
      JsonNode value, JsonNode defaults, String path, List<String> repeated) {
    if (value.isObject() && defaults.isObject()) {
      value
          .fields()
          .forEachRemaining(
              field ->
                  collectRepeated(
                      field.getValue(),
                      defaults.path(field.getKey()),
                      YamlFile.child(path, field.getKey()),
                      repeated));
    } else if (value.equals(defaults)) {
      repeated.add(path + " repeats the default " + value);
    }
  }
}

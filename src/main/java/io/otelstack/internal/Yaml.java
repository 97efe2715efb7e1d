package io.otelstack.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deterministic YAML rendering of Helm values and collector configuration. Not public API. */
public final class Yaml {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Yaml() {}

  /**
   * Renders a document with keys sorted, so equal values always render to equal text.
   *
   * <p>A value that is, or contains, a Terraform token (a module's variable) is written unquoted as
   * {@code ${jsonencode(...)}}, which Terraform evaluates at apply time. A JSON string is a valid
   * YAML scalar, so whatever the variable holds stays one YAML string, and a number token becomes a
   * YAML number; interpolated into a quoted scalar, {@code "${var.x}"} would turn 3 into the string
   * "3", and a quote or backslash in the value would break the document.
   */
  public static String render(Map<String, ?> document) {
    List<String> tokens = new ArrayList<>();
    Object withTokensEncoded = encodeTokens(document, tokens);
    try {
      String yaml = MAPPER.writeValueAsString(withTokensEncoded);
      for (String token : tokens) {
        yaml = yaml.replace("\"" + token + "\"", token);
      }
      return yaml;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("values are not serializable: " + e.getMessage(), e);
    }
  }

  /**
   * A copy in which each token value is wrapped in {@code jsonencode}; the wrapped are collected.
   */
  private static Object encodeTokens(Object value, List<String> tokens) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, encodeTokens(v, tokens)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> encodeTokens(v, tokens)).toList();
    }
    // Number tokens are encoded as doubles, so no other number can be one.
    if ((value instanceof String || value instanceof Double) && Tokens.isToken(value)) {
      String encoded = Token.asString(Fn.jsonencode(value));
      tokens.add(encoded);
      return encoded;
    }
    return value;
  }

  /** Parses a YAML document into maps, lists and scalars. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(InputStream in) {
    try {
      return MAPPER.readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

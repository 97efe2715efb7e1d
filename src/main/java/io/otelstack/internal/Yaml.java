package io.otelstack.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
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
   * <p>Tokens (a module's variables) stay in the text as references, which Terraform interpolates
   * at apply time. A number token is written unquoted, so that YAML reads the number it resolves
   * to; quoted like any other string, {@code "${var.x}"} would become the string {@code "3"}.
   */
  public static String render(Map<String, ?> document) {
    List<String> numberTokens = new ArrayList<>();
    Object withTokensAsText = numberTokensAsText(document, numberTokens);
    try {
      String yaml = MAPPER.writeValueAsString(withTokensAsText);
      for (String token : numberTokens) {
        yaml = yaml.replace("\"" + token + "\"", token);
      }
      return yaml;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("values are not serializable: " + e.getMessage(), e);
    }
  }

  /** A copy in which each number token is replaced by its text, which is collected. */
  private static Object numberTokensAsText(Object value, List<String> numberTokens) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, numberTokensAsText(v, numberTokens)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> numberTokensAsText(v, numberTokens)).toList();
    }
    // Number tokens are encoded as doubles; only those can be tokens.
    if (value instanceof Double d && Tokens.isToken(d)) {
      String text = Token.asString(d);
      numberTokens.add(text);
      return text;
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

package io.otelstack.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  /** Renders a document with keys sorted, so equal values always render to equal text. */
  public static String render(Map<String, ?> document) {
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("values are not serializable: " + e.getMessage(), e);
    }
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

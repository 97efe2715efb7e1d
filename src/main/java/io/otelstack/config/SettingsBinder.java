package io.otelstack.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.otelstack.collector.MultilinePreset;
import io.otelstack.constructs.metrics.AllocationStrategy;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Binds a merged environment the schema has accepted to the settings records, and through them to
 * the constructs' own types: enums whose YAML value is their constant name bind as Jackson binds
 * any enum; the others are read here with the construct's own parser.
 */
final class SettingsBinder {
  private SettingsBinder() {}

  /** The mapper the loader binds sections with. */
  static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(
            new SimpleModule()
                .addDeserializer(Duration.class, new Interval())
                .addDeserializer(AllocationStrategy.class, new Strategy())
                .addDeserializer(MultilinePreset.class, new Preset()));
  }

  /** Reads the schema's durations: a whole number of seconds, minutes or hours. */
  private static final class Interval extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = parser.getValueAsString();
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      ChronoUnit unit =
          switch (text.charAt(text.length() - 1)) {
            case 's' -> ChronoUnit.SECONDS;
            case 'm' -> ChronoUnit.MINUTES;
            default -> ChronoUnit.HOURS;
          };
      return Duration.of(amount, unit);
    }
  }

  /** Reads {@code targetAllocator.allocationStrategy}, e.g. {@code consistent-hashing}. */
  private static final class Strategy extends JsonDeserializer<AllocationStrategy> {
    @Override
    public AllocationStrategy deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return AllocationStrategy.of(parser.getValueAsString());
    }
  }

  /** Reads {@code logs.multiline[].preset}, e.g. {@code java}. */
  private static final class Preset extends JsonDeserializer<MultilinePreset> {
    @Override
    public MultilinePreset deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return MultilinePreset.of(parser.getValueAsString());
    }
  }
}

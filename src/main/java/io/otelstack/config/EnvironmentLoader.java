package io.otelstack.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelstack.ValidationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the environment files of a directory: each {@code <name>.yaml} merged over {@code
 * _defaults.yaml} (maps merge deeply; lists and scalars replace), validated against {@code
 * environment.schema.json} and then against the rules the schema cannot express.
 *
 * <p>Every problem of every file is collected before anything is thrown, and bad input only ever
 * ends in one {@link ValidationException} whose lines start with the file (as {@code
 * dir.resolve(file)} prints) and, where known, the line. Files starting with {@code _} are not
 * environments. This class never prints.
 */
public final class EnvironmentLoader {
  /** The shared defaults every environment file is merged over. */
  public static final String DEFAULTS = "_defaults.yaml";

  private static final String EXTENSION = ".yaml";
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_NAME_LENGTH = 20;
  private static final EnvironmentSchema SCHEMA = EnvironmentSchema.load();

  /** What stands for the environment's name in {@code coralogix.applicationName}. */
  public static final String ENVIRONMENT_PLACEHOLDER = "{env}";

  private static final ObjectMapper BINDER =
      new ObjectMapper()
          .registerModule(new SimpleModule().addDeserializer(Duration.class, new Interval()));

  private EnvironmentLoader() {}

  /** Every environment in {@code dir}, sorted by name. */
  public static List<Environment> loadAll(Path dir) {
    Set<String> errors = new LinkedHashSet<>();
    List<String> names = names(dir, errors);
    if (names.isEmpty() && errors.isEmpty()) {
      errors.add(dir + ": no environment files; add one, e.g. " + dir.resolve("dev" + EXTENSION));
    }
    return load(dir, names, errors);
  }

  /** The environment {@code name}, from {@code dir/<name>.yaml}. */
  public static Environment load(Path dir, String name) {
    List<String> names = names(dir, new HashSet<>());
    if (!names.contains(name)) {
      throw new ValidationException(
          dir.resolve(name + EXTENSION)
              + ": no such environment; the environments are "
              + (names.isEmpty() ? "none" : String.join(", ", names)));
    }
    return load(dir, List.of(name), new LinkedHashSet<>()).get(0);
  }

  private static List<Environment> load(Path dir, List<String> names, Set<String> errors) {
    YamlFile defaults = read(dir, DEFAULTS, errors);
    List<Environment> environments = new ArrayList<>();
    for (String name : names) {
      YamlFile file = read(dir, name + EXTENSION, errors);
      checkName(name, dir.resolve(name + EXTENSION).toString(), errors);
      if (defaults != null && file != null) {
        Environment environment = new Merge(name, file, defaults, errors).environment();
        if (environment != null) {
          environments.add(environment);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(List.copyOf(errors));
    }
    return List.copyOf(environments);
  }

  /** Environment names in {@code dir}, sorted; misnamed files are errors. */
  private static List<String> names(Path dir, Collection<String> errors) {
    if (!Files.isDirectory(dir)) {
      throw new ValidationException(
          dir + ": not a directory; point at the directory holding " + DEFAULTS);
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = new ArrayList<>();
      for (Path path : files.sorted().toList()) {
        String file = path.getFileName().toString();
        if (file.endsWith(".yml")) {
          errors.add(
              path
                  + ": environment files end in "
                  + EXTENSION
                  + "; rename it to "
                  + file.replaceAll("\\.yml$", EXTENSION));
        } else if (file.endsWith(EXTENSION) && !file.startsWith("_")) {
          names.add(file.substring(0, file.length() - EXTENSION.length()));
        }
      }
      return names;
    } catch (IOException e) {
      throw new ValidationException(dir + ": cannot be listed: " + e.getMessage());
    }
  }

  private static void checkName(String name, String file, Collection<String> errors) {
    if (!NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
      errors.add(
          file
              + ": the environment name ("
              + name
              + ", from the file name) must be DNS-safe: at most "
              + MAX_NAME_LENGTH
              + " lowercase letters, digits and '-', starting and ending with a letter or"
              + " digit; rename the file");
    }
  }

  private static YamlFile read(Path dir, String name, Collection<String> errors) {
    Path path = dir.resolve(name);
    String file = path.toString();
    if (!Files.isRegularFile(path)) {
      errors.add(
          file
              + (name.equals(DEFAULTS)
                  ? ": missing; it holds the shared defaults that every environment is merged over"
                  : ": not a regular file"));
      return null;
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
              .toString();
      List<String> problems = new ArrayList<>();
      YamlFile yaml = YamlFile.parse(file, text, problems);
      errors.addAll(problems);
      return yaml;
    } catch (CharacterCodingException e) {
      errors.add(file + ": is not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      errors.add(file + ": cannot be read: " + e.getMessage());
    }
    return null;
  }

  /**
   * Puts the environment's name for {@value #ENVIRONMENT_PLACEHOLDER} in {@code
   * coralogix.applicationName}, before validation, so the default gives every environment an
   * application of its own.
   */
  private static JsonNode withName(JsonNode document, String name) {
    if (document.path("coralogix") instanceof ObjectNode coralogix
        && coralogix.path("applicationName").isTextual()) {
      coralogix.put(
          "applicationName",
          coralogix.get("applicationName").asText().replace(ENVIRONMENT_PLACEHOLDER, name));
    }
    return document;
  }

  /** Deep merge: maps merge, anything else replaces. */
  private static JsonNode merge(JsonNode base, JsonNode override) {
    if (!base.isObject() || !override.isObject()) {
      return override.deepCopy();
    }
    ObjectNode merged = ((ObjectNode) base).deepCopy();
    override
        .fields()
        .forEachRemaining(
            field ->
                merged.set(
                    field.getKey(),
                    merged.has(field.getKey())
                        ? merge(merged.get(field.getKey()), field.getValue())
                        : field.getValue().deepCopy()));
    return merged;
  }

  /** One environment file merged over the defaults, validated and bound. */
  private static final class Merge {
    private final String name;
    private final YamlFile file;
    private final YamlFile defaults;
    private final Collection<String> errors;
    private final JsonNode document;
    private final Set<String> invalidSections = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    Merge(String name, YamlFile file, YamlFile defaults, Collection<String> errors) {
      this.name = name;
      this.file = file;
      this.defaults = defaults;
      this.errors = errors;
      this.document = withName(merge(defaults.root(), file.root()), name);
    }

    /**
     * The environment, or null after adding its errors. Each section whose fields the schema
     * accepted is bound and checked even when other sections failed, so one run reports as much as
     * it can.
     */
    Environment environment() {
      List<Located> located = new ArrayList<>();
      for (EnvironmentSchema.Violation violation : SCHEMA.validate(document)) {
        located.add(locate(violation));
        invalidSections.add(violation.path().split("[.\\[]", 2)[0]);
      }
      located.stream().sorted().map(Located::toString).forEach(errors::add);
      ClusterSettings cluster = bind("cluster", ClusterSettings.class, ClusterSettings::check);
      StateSettings state = bind("state", StateSettings.class, (s, p) -> {});
      CoralogixSettings coralogix =
          bind("coralogix", CoralogixSettings.class, CoralogixSettings::check);
      CollectorSettings collector =
          bind("collector", CollectorSettings.class, CollectorSettings::check);
      LogsSettings logs = bind("logs", LogsSettings.class, LogsSettings::check);
      MetricsSettings metrics = bind("metrics", MetricsSettings.class, MetricsSettings::check);
      TracesSettings traces = bind("traces", TracesSettings.class, TracesSettings::check);
      QueueSettings queue = bind("queue", QueueSettings.class, (q, p) -> {});
      HpaSettings hpa = bind("hpa", HpaSettings.class, HpaSettings::check);
      TargetAllocatorSettings targetAllocator =
          bind("targetAllocator", TargetAllocatorSettings.class, TargetAllocatorSettings::check);
      NetworkPolicySettings networkPolicy =
          bind("networkPolicy", NetworkPolicySettings.class, NetworkPolicySettings::check);
      if (cluster != null && networkPolicy != null) {
        networkPolicy.checkAgainst(
            cluster.vpc(), new Problems(file.file(), problems).at("networkPolicy"));
      }
      MonitoringSettings monitoring =
          bind("monitoring", MonitoringSettings.class, MonitoringSettings::check);
      if (monitoring != null && metrics != null && coralogix != null) {
        monitoring.checkAgainst(
            new Problems(file.file(), problems).at("monitoring"), metrics, coralogix);
      }
      Map<String, String> tags = bind("tags", new TypeReference<>() {});
      errors.addAll(problems);
      if (!invalidSections.isEmpty() || !problems.isEmpty()) {
        return null;
      }
      return new Environment(
          name,
          file.file(),
          cluster,
          state,
          coralogix,
          collector,
          logs,
          metrics,
          traces,
          queue,
          hpa,
          targetAllocator,
          networkPolicy,
          monitoring,
          tags);
    }

    /** The violation in the file its faulty value came from. */
    private Located locate(EnvironmentSchema.Violation violation) {
      String path = violation.path();
      // A list the file states replaces the defaults' list, so what is wrong inside it is the
      // file's, even where the defaults' list has an element at the same index.
      int bracket = path.indexOf('[');
      boolean fileList = bracket > 0 && file.has(path.substring(0, bracket));
      YamlFile source =
          fileList || file.has(path) || !(defaults.has(path) || violation.fromDefaults())
              ? file
              : defaults;
      return new Located(source.file(), source.line(path), violation.message());
    }

    private <T> T bind(String section, Class<T> type, BiConsumer<T, Problems> check) {
      if (invalidSections.contains(section)) {
        return null;
      }
      T value = BINDER.convertValue(document.get(section), type);
      check.accept(value, new Problems(file.file(), problems).at(section));
      return value;
    }

    private <T> T bind(String section, TypeReference<T> type) {
      return invalidSections.contains(section)
          ? null
          : BINDER.convertValue(document.get(section), type);
    }
  }

  /**
   * A schema error in a file, ordered by file and line so that messages read top to bottom; errors
   * without a line (missing fields) come last.
   */
  private record Located(String file, int line, String message) implements Comparable<Located> {
    private static final Comparator<Located> ORDER =
        Comparator.comparing(Located::file)
            .thenComparing(located -> located.line == 0 ? Integer.MAX_VALUE : located.line);

    @Override
    public int compareTo(Located other) {
      return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
      return file + ": " + (line > 0 ? "line " + line + ": " : "") + message;
    }
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
}

package io.otelstack.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelstack.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One environment file merged over {@code _defaults.yaml} (maps merge deeply; lists and scalars
 * replace), validated against the schema, bound to the settings records and checked.
 */
final class MergedEnvironment {
  private static final EnvironmentSchema SCHEMA = EnvironmentSchema.load();
  private static final ObjectMapper BINDER = SettingsBinder.mapper();

  private final String name;
  private final YamlFile file;
  private final YamlFile defaults;
  private final Collection<String> errors;
  private final JsonNode document;
  private final Set<String> invalidSections = new HashSet<>();
  private final List<String> problems = new ArrayList<>();

  MergedEnvironment(String name, YamlFile file, YamlFile defaults, Collection<String> errors) {
    this.name = name;
    this.file = file;
    this.defaults = defaults;
    this.errors = errors;
    this.document = withName(merge(defaults.root(), file.root()), name);
  }

  /**
   * The environment, or null after adding its errors. Each section whose fields the schema accepted
   * is bound and checked even when other sections failed, so one run reports as much as it can.
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
    CollectorSettings collector = bind("collector", CollectorSettings.class, (c, p) -> {});
    LogsSettings logs = bind("logs", LogsSettings.class, LogsSettings::check);
    MetricsSettings metrics = bind("metrics", MetricsSettings.class, MetricsSettings::check);
    TracesSettings traces = bind("traces", TracesSettings.class, (t, p) -> {});
    QueueSettings queue = bind("queue", QueueSettings.class, (q, p) -> {});
    HpaSettings hpa = bind("hpa", HpaSettings.class, (h, p) -> {});
    TargetAllocatorSettings targetAllocator =
        bind("targetAllocator", TargetAllocatorSettings.class, (t, p) -> {});
    NetworkPolicySettings networkPolicy =
        bind("networkPolicy", NetworkPolicySettings.class, NetworkPolicySettings::check);
    if (cluster != null && networkPolicy != null) {
      networkPolicy.checkAgainst(
          cluster.vpc(), new Problems(file.file(), problems).at("networkPolicy"));
    }
    InfrastructureSettings infrastructure =
        bind("infrastructure", InfrastructureSettings.class, InfrastructureSettings::check);
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
        infrastructure,
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
    Problems p = new Problems(file.file(), problems);
    T value;
    try {
      value = BINDER.convertValue(document.get(section), type);
    } catch (IllegalArgumentException e) {
      // A section may bind a construct's own value type (logs.multiline binds MultilineRule),
      // whose rules are checked once, in its constructor: its messages name the field.
      ValidationException rule = ruleBroken(e);
      if (rule == null) {
        throw e;
      }
      rule.errors().forEach(p::add);
      return null;
    }
    check.accept(value, p.at(section));
    return value;
  }

  private static ValidationException ruleBroken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ValidationException v) {
        return v;
      }
    }
    return null;
  }

  private <T> T bind(String section, TypeReference<T> type) {
    return invalidSections.contains(section)
        ? null
        : BINDER.convertValue(document.get(section), type);
  }

  /**
   * Puts the environment's name for {@value EnvironmentLoader#ENVIRONMENT_PLACEHOLDER} in {@code
   * coralogix.applicationName}, before validation, so the default gives every environment an
   * application of its own.
   */
  private static JsonNode withName(JsonNode document, String name) {
    if (document.path("coralogix") instanceof ObjectNode coralogix
        && coralogix.path("applicationName").isTextual()) {
      coralogix.put(
          "applicationName",
          coralogix
              .get("applicationName")
              .asText()
              .replace(EnvironmentLoader.ENVIRONMENT_PLACEHOLDER, name));
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
}

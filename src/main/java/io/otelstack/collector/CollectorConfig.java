package io.otelstack.collector;

import io.otelstack.ValidationException;
import io.otelstack.internal.Maps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole collector configuration: its pipelines, the components they reference, the extensions and
 * the service's own telemetry settings.
 *
 * <p>Components are collected from the pipelines, so a configuration cannot declare a component no
 * pipeline uses, nor reference one it does not declare: the two failure modes that crash-loop a
 * collector at start-up.
 */
public final class CollectorConfig {
  private final List<Pipeline> pipelines;
  private final List<Component> extensions;
  private final Map<String, Object> telemetry;

  private CollectorConfig(Builder b) {
    this.pipelines = List.copyOf(b.pipelines);
    this.extensions = List.copyOf(b.extensions);
    this.telemetry = Maps.copyOrdered(b.telemetry);
    validate();
  }

  /** Starts an empty configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** The pipelines, in declaration order. */
  public List<Pipeline> pipelines() {
    return pipelines;
  }

  /** The extensions the service starts. */
  public List<Component> extensions() {
    return extensions;
  }

  /** Every component, each once, in first-use order: extensions, then pipeline order. */
  public Map<ComponentId, Component> components(Kind kind) {
    Map<ComponentId, Component> out = new LinkedHashMap<>();
    List<Component> all = new ArrayList<>(extensions);
    for (Pipeline p : pipelines) {
      all.addAll(p.receivers());
      all.addAll(p.processors());
      all.addAll(p.exporters());
    }
    for (Component c : all) {
      if (c.kind() == kind) {
        out.putIfAbsent(c.id(), c);
      }
    }
    return out;
  }

  /** Renders the configuration as the collector reads it. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      Map<String, Object> section = new LinkedHashMap<>();
      components(kind).forEach((id, c) -> section.put(id.toString(), c.settings()));
      if (!section.isEmpty()) {
        out.put(kind.section(), section);
      }
    }
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("extensions", extensions.stream().map(c -> c.id().toString()).toList());
    Map<String, Object> pipes = new LinkedHashMap<>();
    for (Pipeline p : pipelines) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("receivers", ids(p.receivers()));
      body.put("processors", ids(p.processors()));
      body.put("exporters", ids(p.exporters()));
      pipes.put(p.id(), body);
    }
    service.put("pipelines", pipes);
    if (!telemetry.isEmpty()) {
      service.put("telemetry", telemetry);
    }
    out.put("service", service);
    return out;
  }

  private static List<String> ids(List<Component> components) {
    return components.stream().map(c -> c.id().toString()).toList();
  }

  private void validate() {
    List<String> errors = new ArrayList<>();
    Map<String, Component> seen = new LinkedHashMap<>();
    List<Component> all = new ArrayList<>(extensions);
    for (Pipeline p : pipelines) {
      checkKinds(p, p.receivers(), Kind.RECEIVER, "receivers", errors);
      checkKinds(p, p.processors(), Kind.PROCESSOR, "processors", errors);
      checkKinds(p, p.exporters(), Kind.EXPORTER, "exporters", errors);
      if (p.processors().isEmpty()
          || p.processors().get(0).type() != ComponentType.MEMORY_LIMITER) {
        errors.add(
            "pipeline "
                + p.id()
                + " must start with memory_limiter, so the collector refuses data before it runs"
                + " out of memory; got processors "
                + ids(p.processors()));
      }
      all.addAll(p.receivers());
      all.addAll(p.processors());
      all.addAll(p.exporters());
    }
    for (Component c : all) {
      String key = c.kind() + " " + c.id();
      Component previous = seen.putIfAbsent(key, c);
      if (previous != null && !previous.settings().equals(c.settings())) {
        errors.add(
            c.kind().section()
                + "."
                + c.id()
                + " is used twice with different settings; give each its own name");
      }
    }
    Map<String, Long> pipelineIds = new LinkedHashMap<>();
    pipelines.forEach(p -> pipelineIds.merge(p.id(), 1L, Long::sum));
    pipelineIds.forEach(
        (id, n) -> {
          if (n > 1) {
            errors.add("pipeline " + id + " is declared " + n + " times");
          }
        });
    for (Component e : extensions) {
      if (e.kind() != Kind.EXTENSION) {
        errors.add(e.id() + " is a " + e.kind() + ", not an extension");
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void checkKinds(
      Pipeline p, List<Component> components, Kind allowed, String role, List<String> errors) {
    for (Component c : components) {
      if (c.kind() != allowed && c.kind() != Kind.CONNECTOR) {
        errors.add(
            "pipeline " + p.id() + " lists " + c.kind() + " " + c.id() + " among its " + role);
      }
      if (c.kind() == Kind.CONNECTOR && allowed == Kind.PROCESSOR) {
        errors.add("pipeline " + p.id() + " lists connector " + c.id() + " among its processors");
      }
    }
  }

  // Written by hand: it accumulates (each call adds a pipeline), which no record builder does.
  /** Collects pipelines, extensions and telemetry settings. */
  public static final class Builder {
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final List<Component> extensions = new ArrayList<>();
    private final Map<String, Object> telemetry = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a pipeline; its components are declared with it. */
    public Builder pipeline(Pipeline pipeline) {
      pipelines.add(pipeline);
      return this;
    }

    /** Adds an extension the service starts. */
    public Builder extension(Component extension) {
      extensions.add(extension);
      return this;
    }

    /** Sets one key of {@code service.telemetry}. */
    public Builder telemetry(String key, Object value) {
      telemetry.put(key, value);
      return this;
    }

    /** Builds and validates the configuration. */
    public CollectorConfig build() {
      return new CollectorConfig(this);
    }
  }
}

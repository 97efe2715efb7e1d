package io.otelstack.collector;

import io.otelstack.ValidationException;
import io.otelstack.internal.Tokens;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the coralogix exporter takes each resource's Coralogix application and subsystem from: the
 * first of the listed resource attributes that the resource carries with a non-empty value, else
 * the exporter's static {@code application_name} / {@code subsystem_name}. This is the exporter's
 * own {@code application_name_attributes} / {@code subsystem_name_attributes}, resolved per
 * resource, so one request can hold several applications.
 *
 * <p>The collectors' own metrics ({@link SelfMetricsReceiver}) must stay in the static application,
 * where the alerts select them; so an application attribute they carry is refused.
 *
 * @param applicationAttributes resource attributes the application is taken from, in order; empty
 *     for the static name only; or one Terraform token of the list's JSON text ({@code
 *     jsonencode}), checked by whoever passes it
 * @param subsystemAttributes resource attributes the subsystem is taken from, in order; empty for
 *     the static name only; or one Terraform token of the list's JSON text
 */
public record CoralogixMapping(
    List<String> applicationAttributes, List<String> subsystemAttributes) {
  // Before the constants below, which the constructor checks with it.
  private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

  /** The static names only: every record of a signal lands in one application and subsystem. */
  public static final CoralogixMapping STATIC = new CoralogixMapping(List.of(), List.of());

  /**
   * Coralogix's own Kubernetes integration's choice: the application from the namespace (or the
   * SDK's {@code service.namespace}), the subsystem from the workload, else {@code service.name}.
   */
  public static final CoralogixMapping WORKLOAD =
      new CoralogixMapping(
          List.of("k8s.namespace.name", "service.namespace"),
          List.of(
              "k8s.deployment.name", "k8s.statefulset.name", "k8s.daemonset.name", "service.name"));

  /** Copies the lists; requires attribute names and refuses one the self-metrics carry. */
  public CoralogixMapping {
    applicationAttributes = check("applicationAttributes", applicationAttributes);
    subsystemAttributes = check("subsystemAttributes", subsystemAttributes);
    for (String a : applicationAttributes) {
      if (SelfMetricsReceiver.RESOURCE_ATTRIBUTES.contains(a)) {
        throw new ValidationException(
            "coralogix.mapping.applicationAttributes entry ("
                + a
                + ") is carried by the collectors' own metrics, which must stay in the static"
                + " application where the alerts select them; use attributes such as"
                + " k8s.namespace.name or service.namespace");
      }
    }
  }

  private static List<String> check(String field, List<String> attributes) {
    List<String> copy = attributes == null ? List.of() : List.copyOf(attributes);
    if (copy.stream().anyMatch(Tokens::isToken)) {
      return copy;
    }
    for (String a : copy) {
      if (!ATTRIBUTE.matcher(a).matches()) {
        throw new ValidationException(
            "coralogix.mapping."
                + field
                + " entry ("
                + a
                + ") must be a resource attribute name such as k8s.namespace.name");
      }
    }
    if (copy.stream().distinct().count() != copy.size()) {
      throw new ValidationException(
          "coralogix.mapping." + field + " (" + copy + ") must not list an attribute twice");
    }
    return copy;
  }
}

package io.otelstack.config;

import java.util.List;

/**
 * Where each record's Coralogix application and subsystem come from: the first of the listed
 * resource attributes a record carries, else the static {@code applicationName} and subsystem
 * names. The rules are {@code CoralogixMapping}'s, checked once there.
 *
 * @param applicationAttributes resource attributes the application is taken from, in order
 * @param subsystemAttributes resource attributes the subsystem is taken from, in order
 */
public record MappingSettings(
    List<String> applicationAttributes, List<String> subsystemAttributes) {
  /** Copies the lists. */
  public MappingSettings {
    applicationAttributes = List.copyOf(applicationAttributes);
    subsystemAttributes = List.copyOf(subsystemAttributes);
  }
}

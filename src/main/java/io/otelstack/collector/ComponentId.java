package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.regex.Pattern;

/**
 * A component's identity in a collector configuration: {@code type} or {@code type/name}, for
 * example {@code file_storage/queue}.
 *
 * @param type the component type as the collector registers it, e.g. {@code otlp}
 * @param name the instance name; empty for the unnamed instance
 */
public record ComponentId(String type, String name) {
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  /** Validates the type and name against what the collector accepts. */
  public ComponentId {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new ValidationException(
          "component type (" + type + ") must match " + TYPE + ", e.g. file_storage");
    }
    name = name == null ? "" : name;
    if (!name.isEmpty() && !NAME.matcher(name).matches()) {
      throw new ValidationException(
          "component name (" + name + ") must match " + NAME + ", e.g. queue");
    }
  }

  /** The unnamed instance of a type. */
  public static ComponentId of(String type) {
    return new ComponentId(type, "");
  }

  /** A named instance of a type. */
  public static ComponentId of(String type, String name) {
    return new ComponentId(type, name);
  }

  /** The key used in the configuration. */
  @Override
  public String toString() {
    return name.isEmpty() ? type : type + "/" + name;
  }
}

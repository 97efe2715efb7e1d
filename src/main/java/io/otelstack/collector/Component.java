package io.otelstack.collector;

import java.util.Map;

/**
 * One configured collector component. Implementations are typed records that know their own
 * settings; {@link #settings()} renders them into the collector's configuration keys.
 *
 * <p>Kind and key follow from the {@link ComponentType} and the instance name, so each record
 * states only its type and its settings.
 */
public interface Component {
  /** The component type, which also fixes the section it belongs to. */
  ComponentType type();

  /** The instance name; empty for the unnamed instance. A record's {@code name} overrides it. */
  default String name() {
    return "";
  }

  /** Which section the component belongs to. */
  default Kind kind() {
    return type().kind();
  }

  /** The key it is configured and referenced under. */
  default ComponentId id() {
    return type().id(name());
  }

  /** The component's settings as the collector reads them. Insertion-ordered for stable output. */
  Map<String, Object> settings();
}

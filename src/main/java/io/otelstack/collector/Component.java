package io.otelstack.collector;

import java.util.Map;

/**
 * One configured collector component. Implementations are typed records that know their own
 * settings; {@link #settings()} renders them into the collector's configuration keys.
 */
public interface Component {
  /** Which section the component belongs to. */
  Kind kind();

  /** The key it is configured and referenced under. */
  ComponentId id();

  /** The component's settings as the collector reads them. Insertion-ordered for stable output. */
  Map<String, Object> settings();
}

package io.otelstack.testing;

import io.otelstack.config.Environment;
import io.otelstack.config.EnvironmentLoader;
import java.util.List;

/** The committed environment files, loaded as synth loads them. */
public final class Environments {
  /** Every committed environment, in the order synth builds them. */
  public static final List<String> NAMES = List.of("dev", "prod", "staging");

  private Environments() {}

  /** One committed environment. */
  public static Environment load(String name) {
    return EnvironmentLoader.load(ExternalTools.projectDir().resolve("environments"), name);
  }
}

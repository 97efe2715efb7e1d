package io.otelstack.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed environment files, and scratch directories of variants for tests. */
final class EnvironmentFiles {
  private EnvironmentFiles() {}

  /** The committed {@code environments/} directory. */
  static Path committed() {
    return Path.of(System.getProperty("project.basedir", ".")).resolve("environments");
  }

  /** The text of a committed file. */
  static String read(String file) {
    try {
      return Files.readString(committed().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file into {@code dir}, replacing any previous one, and returns {@code dir}. */
  static Path write(Path dir, String file, String text) {
    try {
      Files.writeString(dir.resolve(file), text);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code dir} holding the committed {@code _defaults.yaml} and one environment file. */
  static Path withDefaults(Path dir, String file, String text) {
    write(dir, EnvironmentLoader.DEFAULTS, read(EnvironmentLoader.DEFAULTS));
    return write(dir, file, text);
  }
}

package io.otelstack.config;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the environment files of a directory: each {@code <name>.yaml} merged over {@code
 * _defaults.yaml} (maps merge deeply; lists and scalars replace), validated against {@code
 * environment.schema.json} and then against the syntax the schema cannot express (regexes compile,
 * CIDRs are network addresses, requests fit limits). Rules between props are the constructs' own:
 * their props check them, and {@code Main} puts the file in front of their messages.
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
  private static final Pattern NAME = Pattern.compile(Checks.DNS_LABEL);
  private static final int MAX_NAME_LENGTH = 20;

  /** What stands for the environment's name in {@code coralogix.applicationName}. */
  public static final String ENVIRONMENT_PLACEHOLDER = "{env}";

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
        Environment environment = new MergedEnvironment(name, file, defaults, errors).environment();
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
}

package io.otelstack.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import io.otelstack.ValidationException;
import io.otelstack.constructs.telemetry.TelemetryPlatform;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

/**
 * No public constructor of the constructs' API lets a null through as a NullPointerException: every
 * public record of {@code io.otelstack.constructs} built from nulls (zeros for primitives) either
 * applies its defaults or throws a {@link ValidationException} naming one of its props, and every
 * construct given null props throws one naming its path and props type.
 */
class NullPropsTest {
  private static final String PACKAGE = "io.otelstack.constructs";

  @Test
  void everyPublicRecordGivenNullsNamesTheMissingPropNeverThrowsANullPointerException()
      throws Exception {
    List<Class<?>> records = publicClasses().stream().filter(Class::isRecord).toList();
    assertThat(records).as("the scan finds the props").hasSizeGreaterThan(20);
    List<String> wrong = new ArrayList<>();
    for (Class<?> type : records) {
      RecordComponent[] components = type.getRecordComponents();
      Constructor<?> canonical =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      Object[] args = Arrays.stream(components).map(c -> zero(c.getType())).toArray();
      Throwable thrown = thrownBy(() -> canonical.newInstance(args));
      if (thrown == null) {
        continue;
      }
      String prop =
          Arrays.stream(components)
              .map(c -> type.getSimpleName() + "." + c.getName())
              .filter(p -> thrown.getMessage() != null && thrown.getMessage().startsWith(p))
              .findFirst()
              .orElse(null);
      if (!(thrown instanceof ValidationException) || prop == null) {
        wrong.add(type.getName() + ": " + thrown);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyConstructGivenNullPropsNamesItsPathAndPropsNeverThrowsANullPointerException()
      throws Exception {
    List<Class<?>> constructs =
        publicClasses().stream().filter(Construct.class::isAssignableFrom).toList();
    assertThat(constructs).as("the scan finds the constructs").contains(TelemetryPlatform.class);
    List<String> wrong = new ArrayList<>();
    for (Class<?> type : constructs) {
      for (Constructor<?> c : type.getConstructors()) {
        Class<?>[] params = c.getParameterTypes();
        if (params.length != 3 || params[0] != Construct.class || params[1] != String.class) {
          continue;
        }
        TerraformStack stack = new TerraformStack(Testing.app(), "test");
        Throwable thrown = thrownBy(() -> c.newInstance(stack, "Subject", null));
        String expected = "test/Subject: props (" + params[2].getSimpleName() + ") is required";
        if (!(thrown instanceof ValidationException) || !expected.equals(thrown.getMessage())) {
          wrong.add(type.getName() + ": " + thrown);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** What a reflective call threw, unwrapped; null when it returned. */
  private static Throwable thrownBy(Call call) {
    try {
      call.run();
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private interface Call {
    void run() throws ReflectiveOperationException;
  }

  private static Object zero(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == long.class) {
      return 0L;
    }
    return 0;
  }

  /** Every public top-level class of the constructs' packages, from the compiled classes. */
  private static List<Class<?>> publicClasses() throws Exception {
    Path root =
        Path.of(
            TelemetryPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = root.resolve(PACKAGE.replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName(name);
        if (Modifier.isPublic(type.getModifiers())) {
          out.add(type);
        }
      }
    }
    return out;
  }
}

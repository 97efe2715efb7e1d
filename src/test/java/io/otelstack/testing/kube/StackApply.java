package io.otelstack.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Terraform's life cycle of one configuration against the test control plane: init, apply, a second
 * plan, destroy, with the real providers from the offline mirror. Each step prints its duration.
 */
public final class StackApply {
  /** Bounds each Terraform step; the releases' own timeout (600 s) fails first. */
  private static final long STEP_TIMEOUT_MINUTES = 15;

  private final Path dir;
  private boolean applied;
  private boolean destroyed;
  private final String terraform = ExternalTools.terraform().toString();

  private StackApply(Path dir) {
    this.dir = dir;
  }

  /**
   * Copies {@code source} (a stack or root configuration directory) into {@code workDir}, applies
   * the {@link TestOverlay} to every {@code *.tf.json} in it, prints the swaps and runs {@code
   * terraform init}.
   */
  public static StackApply prepare(Path source, Path workDir, Path kubeconfig) {
    copy(source, workDir);
    return overlayAndInit(workDir, kubeconfig, new TestOverlay());
  }

  /**
   * Applies {@code overlay} to every {@code *.tf.json} under {@code workDir} (a configuration
   * already in place), prints all its swaps and runs {@code terraform init}.
   */
  public static StackApply overlayAndInit(Path workDir, Path kubeconfig, TestOverlay overlay) {
    try (Stream<Path> files = Files.walk(workDir)) {
      files
          .filter(f -> f.toString().endsWith(".tf.json"))
          .sorted()
          .forEach(f -> overlay.rewrite(f, kubeconfig));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("test overlay for " + workDir + ":");
    overlay.swaps().forEach(s -> System.out.println("  swapped " + s));
    StackApply run = new StackApply(workDir);
    run.expectSuccess("init", "init", "-input=false", "-no-color");
    return run;
  }

  /** {@code terraform apply}; fails with Terraform's output unless it succeeds. */
  public void apply() {
    applied = true;
    expectSuccess("apply", "apply", "-input=false", "-no-color", "-auto-approve");
  }

  /** {@code terraform plan -detailed-exitcode}: 0 no changes, 2 changes, 1 error. */
  public ExternalTools.Result plan() {
    return step("plan", "plan", "-input=false", "-no-color", "-detailed-exitcode");
  }

  /** {@code terraform destroy}; fails with Terraform's output unless it succeeds. */
  public void destroy() {
    destroyed = true;
    expectSuccess("destroy", "destroy", "-input=false", "-no-color", "-auto-approve");
  }

  /**
   * After a failed check: destroys whatever an apply left, ignoring the outcome, so that the next
   * test on the same control plane starts clean and its own failure is not this one's echo.
   */
  public void destroyAfterFailure() {
    if (applied && !destroyed) {
      step("destroy", "destroy", "-input=false", "-no-color", "-auto-approve");
    }
  }

  private void expectSuccess(String name, String... args) {
    ExternalTools.Result r = step(name, args);
    assertThat(r.exitCode()).as("terraform %s in %s:\n%s", name, dir, r.output()).isZero();
  }

  private ExternalTools.Result step(String name, String... args) {
    Instant start = Instant.now();
    String[] cmd = Stream.concat(Stream.of(terraform), Stream.of(args)).toArray(String[]::new);
    ExternalTools.Result r = ExternalTools.run(dir, Map.of(), STEP_TIMEOUT_MINUTES, cmd);
    System.out.printf(
        "terraform %s of %s: exit %d in %d s%n",
        name, dir.getFileName(), r.exitCode(), Duration.between(start, Instant.now()).toSeconds());
    return r;
  }

  /** Copies a directory tree, leaving out Terraform's working files. */
  public static void copy(Path source, Path target) {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(f -> !f.toString().contains("/.terraform")).toList()) {
        Path to = target.resolve(source.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

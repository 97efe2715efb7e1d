package io.otelstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.helm.provider.HelmProvider;
import com.hashicorp.cdktf.providers.kubernetes.provider.KubernetesProvider;
import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * tools/bindings/build.sh takes the CDKTF bindings the build's Maven repositories serve and
 * generates only the rest, and a failing step stops the build within seconds with one clear error.
 * Each test runs a clone of the checkout with a bindings cache and a Maven local repository of its
 * own, and nothing leaves the machine: the role of Central is played by the local repository these
 * tests run from, without the bindings (Central does not serve the 0.21 bindings), and HTTP proxies
 * point at a closed port. Generating all four with pacmak, the path when no repository serves them,
 * is the cold run's: FreshCloneSynthTest on a machine whose cache has no bindings.
 */
@Tag("integration")
@Isolated("its time bounds assume no other test class runs beside it")
class BindingsBuildTest {
  /** A class from each published artifact: its jar is in the local repository, beside its POM. */
  private static final List<Class<?>> PUBLISHED =
      List.of(App.class, AwsProvider.class, KubernetesProvider.class, HelmProvider.class);

  private static final String MISSING_CORALOGIX =
      "bindings: provider coralogix/coralogix 3.10.1 is not in the provider mirror and the"
          + " Terraform registry could not be reached; put terraform-provider-coralogix_v3.10.1"
          + " under <root>/registry.terraform.io/coralogix/coralogix/3.10.1/linux_amd64/ of a"
          + " directory listed in OTEL_STACK_TF_PLUGIN_DIRS, or allow Terraform to reach its"
          + " registry";

  @Test
  void takesPublishedBindingsFromARepositoryInTheUsersSettingsAndGeneratesOnlyCoralogix(
      @TempDir Path tmp) throws IOException {
    Path clone = cloneCheckout(tmp);
    // Served as a Maven repository serves them: POM, jar, and the metadata that the providers'
    // version range on cdktf is resolved with.
    Path published = tmp.resolve("published");
    for (Class<?> type : PUBLISHED) {
      Path jar = jarOf(type);
      Path version = localRepository().relativize(jar.getParent());
      Path to = Files.createDirectories(published.resolve(version));
      for (Path file : List.of(jar, Path.of(jar.toString().replaceFirst("\\.jar$", ".pom")))) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
      Path artifact = version.getParent();
      Files.writeString(
          to.resolveSibling("maven-metadata.xml"),
          """
          <metadata><groupId>%s</groupId><artifactId>%s</artifactId><versioning>
            <release>%s</release><versions><version>%3$s</version></versions>
          </versioning></metadata>
          """
              .formatted(
                  artifact.getParent().toString().replace('/', '.'),
                  artifact.getFileName(),
                  version.getFileName()));
    }
    Path settings = settings(tmp, published);
    Path m2 = tmp.resolve("m2");
    Map<String, String> env = env(tmp, sharedDir());
    List<String> maven =
        List.of("mvn", "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + m2);

    // coralogix is generated once (cdktf get and its compile, against the published cdktf); then
    // otel-stack resolves its dependencies (compiling it is FreshCloneSynthTest's job).
    ExternalTools.Result first =
        run(
            clone,
            env,
            10,
            maven,
            "-pl",
            "tools/bindings,testkit,:otel-stack",
            "compile",
            "-Dmaven.main.skip=true");
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.stderr())
        .contains("bindings: nothing to generate with jsii-pacmak")
        .contains("bindings: generating the coralogix/coralogix 3.10.1 bindings");
    assertThat(clone.resolve(".bindings/java/com")).as("pacmak's output").doesNotExist();
    assertThat(clone.resolve(".bindings/java/io/otelstack/bindings/cdktf-provider-coralogix"))
        .isDirectory();
    String classpath = Files.readString(clone.resolve("target/synth.classpath"));
    for (Class<?> type : PUBLISHED) {
      Path jar = m2.resolve(localRepository().relativize(jarOf(type)));
      assertThat(classpath).contains(jar.toString());
      assertThat(jar.resolveSibling("_remote.repositories"))
          .as("the repository %s came from", jar.getFileName())
          .content()
          .contains(jar.getFileName() + ">published-bindings=");
    }

    // A new bindings key (a changed package-lock.json, say) with coralogix warm: seconds.
    deleteTree(clone.resolve(".bindings").toRealPath());
    long start = System.nanoTime();
    ExternalTools.Result second = run(clone, env, 2, maven, "-pl", "tools/bindings", "initialize");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.stderr())
        .contains("bindings: nothing to generate with jsii-pacmak")
        .doesNotContain("bindings: generating");
    assertThat(took).as(second.output()).isLessThan(Duration.ofSeconds(60));
    assertThat(clone.resolve(".bindings/java/com")).doesNotExist();
  }

  @Test
  void stopsPacmakWithOneClearLineWhenTheCoralogixProviderIsMissing(@TempDir Path tmp)
      throws IOException {
    Path clone = cloneCheckout(tmp);
    Path emptyShared = Files.createDirectories(tmp.resolve("shared-without-providers"));
    Map<String, String> env = env(tmp, emptyShared);
    ExternalTools.Result mirrored =
        ExternalTools.run(clone, env, 2, "bash", "tools/terraform-mirror/build.sh");
    assertThat(mirrored.exitCode()).as(mirrored.output()).isZero();
    Path mirror = Path.of(mirrored.stdout().strip());
    Path missing = mirror.resolve("MISSING");
    if (!Files.exists(missing)
        || !Files.readString(missing).contains("coralogix/coralogix 3.10.1")) {
      ExternalTools.unavailable(
          "the provider mirror finds coralogix/coralogix 3.10.1 outside shared/ on this machine"
              + " (see "
              + mirror
              + "), so the test cannot take it away");
    }
    // tools/synth, the user's entry, runs a plain `mvn`: the settings reach it as a project's
    // Maven options would.
    Path settings = settings(tmp, null);
    Files.createDirectories(clone.resolve(".mvn"));
    Files.writeString(
        clone.resolve(".mvn/maven.config"),
        "--settings=" + settings + "\n-Dmaven.repo.local=" + tmp.resolve("m2") + "\n");

    long start = System.nanoTime();
    ExternalTools.Result synth = ExternalTools.run(clone, env, 5, "tools/synth");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(synth.exitCode()).as(synth.output()).isNotZero();
    // Alone on a quiet machine this takes about 12 s; beside the parallel integration classes of
    // a CI run it took 78 s. The bound only has to tell "stopped at the first failure" from
    // "waited for pacmak" (about 10 minutes for real); the lines below tell them apart exactly.
    assertThat(took).as(synth.output()).isLessThan(Duration.ofSeconds(180));
    List<String> lines = synth.stderr().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines)
        .as(synth.stderr())
        .containsOnlyOnce(MISSING_CORALOGIX)
        .last()
        .isEqualTo(MISSING_CORALOGIX);
    assertThat(lines).noneMatch(l -> l.matches("\\s+at .*"));
    assertThat(synth.output()).doesNotContain("\u001b");
    assertThat(synth.stderr())
        .as("nothing published: pacmak started, then was stopped")
        .contains("with jsii-pacmak")
        .as("pacmak was stopped, not waited for: its own output never shows")
        .doesNotContain("[jsii-pacmak]");
    assertThat(ProcessHandle.allProcesses())
        .as("steps left running")
        .noneMatch(p -> p.info().commandLine().orElse("").contains(tmp.toString()));
  }

  /** A clone of the checkout, sharing its node_modules (installing them would need the network). */
  private static Path cloneCheckout(Path tmp) throws IOException {
    Path clone = ExternalTools.cloneCheckout(tmp);
    Files.createSymbolicLink(
        clone.resolve("node_modules"), ExternalTools.projectDir().resolve("node_modules"));
    return clone;
  }

  /**
   * A user's settings.xml: "Central" mirrored to this machine's local repository without the
   * bindings, and, when given, a profile repository that serves the published bindings.
   */
  private static Path settings(Path tmp, Path published) throws IOException {
    // The local repository laid out as a remote one: its files linked, less the resolver's own
    // records, with one copy of the metadata it downloaded as maven-metadata.xml.
    Path central = tmp.resolve("central");
    try (Stream<Path> files = Files.walk(localRepository())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = localRepository().relativize(file);
        String name = file.getFileName().toString();
        if (relative.startsWith("com/hashicorp")
            || relative.startsWith("io/otelstack")
            || name.equals("_remote.repositories")
            || name.equals("resolver-status.properties")
            || name.endsWith(".lastUpdated")) {
          continue;
        }
        if (name.startsWith("maven-metadata-")) {
          relative = relative.resolveSibling("maven-metadata.xml");
        }
        Path link = central.resolve(relative);
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(link.getParent());
          Files.createSymbolicLink(link, file);
        }
      }
    }
    String profile =
        published == null
            ? ""
            : """
              <profiles><profile><id>published-bindings</id><repositories><repository>
                <id>published-bindings</id><url>file://%s</url>
              </repository></repositories></profile></profiles>
              <activeProfiles><activeProfile>published-bindings</activeProfile></activeProfiles>
              """
                .formatted(published);
    Path settings = tmp.resolve("settings.xml");
    Files.writeString(
        settings,
        """
        <settings>
          <mirrors><mirror>
            <id>central-here</id><mirrorOf>external:*</mirrorOf><url>file://%s</url>
          </mirror></mirrors>
          %s
        </settings>
        """
            .formatted(central, profile));
    return settings;
  }

  /** The bindings cache and the provider directories, and proxies that keep HTTP on the machine. */
  private static Map<String, String> env(Path tmp, Path shared) {
    String closedPort = "http://127.0.0.1:9";
    return Map.of(
        "OTEL_STACK_CACHE",
        tmp.resolve("cache").toString(),
        "OTEL_STACK_SHARED",
        shared.toString(),
        "OTEL_STACK_TF_PLUGIN_DIRS",
        "",
        "HTTP_PROXY",
        closedPort,
        "HTTPS_PROXY",
        closedPort,
        "http_proxy",
        closedPort,
        "https_proxy",
        closedPort,
        "NO_PROXY",
        "");
  }

  /** The project's shared/ folder (provider binaries), as tools/lib/cache.sh finds it. */
  private static Path sharedDir() {
    String shared = System.getenv("OTEL_STACK_SHARED");
    return shared != null
        ? Path.of(shared)
        : ExternalTools.projectDir().getParent().resolve("shared");
  }

  /** The Maven local repository this test's class path comes from. */
  private static Path localRepository() {
    // groupId com.hashicorp, artifactId, version: three directories and the two of the groupId.
    return jarOf(App.class).getParent().getParent().getParent().getParent().getParent();
  }

  /** The jar a class was loaded from. */
  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command given as a fixed part and more arguments. */
  private static ExternalTools.Result run(
      Path dir, Map<String, String> env, long minutes, List<String> command, String... more) {
    return ExternalTools.run(
        dir, env, minutes, Stream.concat(command.stream(), Stream.of(more)).toArray(String[]::new));
  }

  /** Deletes a directory and everything in it. */
  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

package io.otelstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.ExternalTools;
import io.otelstack.testing.StandInProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tools/terraform-mirror/build.sh} as a user without the project's shared folder meets it:
 * its CLI config installs the pinned providers the local mirror holds from the mirror and the rest
 * from their registry. The registry is a {@link StandInProviderRegistry} on 127.0.0.1 that a {@code
 * host} block puts in place of {@code registry.terraform.io}, so nothing leaves the machine.
 */
@Tag("integration")
class TerraformMirrorTest {
  private static final String PLATFORM =
      "linux_" + (System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64");

  @Test
  void providersTheMirrorLacksInstallFromTheirRegistryAndTheOthersFromTheMirror(@TempDir Path tmp)
      throws IOException {
    ExternalTools.requireOnPath("gpg", "the stand-in registry signs its package with a GPG key");
    // The binaries to arrange: helm goes into the partial mirror, coralogix is served.
    Path projectMirror = ExternalTools.built("tools/terraform-mirror/build.sh", 30);
    Path helm = binary(projectMirror, "hashicorp/helm", "3.1.1");
    Path coralogix = binary(projectMirror, "coralogix/coralogix", "3.10.1");
    if (!Files.isExecutable(helm) || !Files.isExecutable(coralogix)) {
      ExternalTools.unavailable("the project's provider mirror lacks helm or coralogix");
    }
    Path plugins = tmp.resolve("plugins");
    Path pluginsHelm = binary(plugins, "hashicorp/helm", "3.1.1");
    Files.createDirectories(pluginsHelm.getParent());
    try {
      Files.createLink(pluginsHelm, helm);
    } catch (IOException crossDevice) {
      Files.copy(helm, pluginsHelm, StandardCopyOption.COPY_ATTRIBUTES);
    }
    Files.createDirectories(tmp.resolve("empty"));
    ExternalTools.Result build =
        ExternalTools.run(
            tmp,
            Map.of(
                "OTEL_STACK_CACHE", tmp.resolve("cache").toString(),
                "OTEL_STACK_SHARED", tmp.resolve("empty").toString(),
                "OTEL_STACK_TF_PLUGIN_DIRS", plugins.toString(),
                // Keeps ~/.terraform.d/plugins and the like out of this mirror.
                "HOME", tmp.resolve("empty").toString()),
            2,
            ExternalTools.projectDir().resolve("tools/terraform-mirror/build.sh").toString());
    assertThat(build.exitCode()).as(build.output()).isZero();
    Path mirror = Path.of(build.stdout().strip());
    assertThat(Files.readString(mirror.resolve("MISSING")))
        .as("the mirror under test lacks coralogix")
        .contains("coralogix/coralogix 3.10.1\n");

    try (StandInProviderRegistry registry =
        StandInProviderRegistry.serve(
            Files.createDirectories(tmp.resolve("registry")),
            "coralogix/coralogix",
            "3.10.1",
            PLATFORM,
            coralogix)) {
      Path config = tmp.resolve("terraformrc");
      Files.writeString(
          config,
          Files.readString(mirror.resolve("terraformrc"))
              + "host \"registry.terraform.io\" {\n"
              + "  services = {\n"
              + "    \"providers.v1\" = \""
              + registry.providersUrl()
              + "\"\n"
              + "  }\n"
              + "}\n");
      Path root = Files.createDirectories(tmp.resolve("root"));
      Files.writeString(
          root.resolve("main.tf"),
          """
          terraform {
            required_providers {
              helm      = { source = "hashicorp/helm", version = "3.1.1" }
              coralogix = { source = "coralogix/coralogix", version = "3.10.1" }
            }
          }
          """);

      ExternalTools.Result init =
          ExternalTools.run(
              root,
              Map.of(
                  "TF_CLI_CONFIG_FILE", config.toString(),
                  "CHECKPOINT_DISABLE", "1",
                  "TF_IN_AUTOMATION", "1"),
              2,
              "env",
              "-u",
              "TF_PLUGIN_CACHE_DIR",
              mirror.resolve("bin/terraform").toString(),
              "init",
              "-input=false",
              "-no-color");

      assertThat(init.exitCode()).as(init.output()).isZero();
      assertThat(registry.requests())
          .as("the registry is asked for coralogix only")
          .contains(
              "GET /v1/providers/coralogix/coralogix/versions",
              "GET /v1/providers/coralogix/coralogix/3.10.1/download/" + PLATFORM.replace('_', '/'),
              "GET /files/terraform-provider-coralogix_3.10.1_" + PLATFORM + ".zip")
          .noneMatch(r -> r.contains("hashicorp"));
      Path installed = root.resolve(".terraform/providers");
      assertThat(binary(installed, "hashicorp/helm", "3.1.1").getParent().toRealPath())
          .as("helm is linked from the mirror")
          .isEqualTo(binary(mirror, "hashicorp/helm", "3.1.1").getParent().toRealPath());
      Path served = binary(installed, "coralogix/coralogix", "3.10.1");
      assertThat(Files.isExecutable(served)).as("coralogix is unpacked executable").isTrue();
      assertThat(Files.mismatch(served, coralogix))
          .as("coralogix is the served binary")
          .isEqualTo(-1);
    }
  }

  /** A provider binary's place in a mirror laid out like Terraform's filesystem mirrors. */
  private static Path binary(Path root, String source, String version) {
    return root.resolve(
        "registry.terraform.io/"
            + source
            + "/"
            + version
            + "/"
            + PLATFORM
            + "/terraform-provider-"
            + source.substring(source.indexOf('/') + 1)
            + "_v"
            + version);
  }
}

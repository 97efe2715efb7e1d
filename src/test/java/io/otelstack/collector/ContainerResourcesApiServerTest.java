package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelstack.ValidationException;
import io.otelstack.testing.ExternalTools;
import io.otelstack.testing.kube.KubeControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ContainerResources}' request-within-limit rule agrees with the real kube-apiserver's
 * (v1.36.3, from {@code tools/kube-control-plane}) on the same quantities: each case is sent as a
 * Deployment with {@code --dry-run=server}, so the API server validates it as it would at apply
 * time, and the record accepts exactly what the server accepts.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerResourcesApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KubeControlPlane plane;
  @TempDir Path dir;

  @BeforeAll
  void startControlPlane() {
    plane = KubeControlPlane.start();
  }

  @AfterAll
  void stopControlPlane() {
    if (plane != null) {
      plane.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "250m, 512Mi, 1, 1Gi, true",
    "1, 1Gi, 1000m, 1024Mi, true",
    "0.5, 1G, 500m, 1000M, true",
    "1001m, 1Gi, 1, 1Gi, false",
    "1, 1025Mi, 1, 1Gi, false",
    "2, 2Gi, 1, 1Gi, false",
  })
  void acceptsExactlyWhatTheApiServerAccepts(
      String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit, boolean ok)
      throws IOException {
    Throwable refused =
        catchThrowable(
            () -> new ContainerResources(cpuRequest, memoryRequest, cpuLimit, memoryLimit));
    Map<String, Object> resources =
        Map.of(
            "requests", Map.of("cpu", cpuRequest, "memory", memoryRequest),
            "limits", Map.of("cpu", cpuLimit, "memory", memoryLimit));
    ExternalTools.Result server =
        plane.kubectlResult("create", "--dry-run=server", "-f", deployment(resources).toString());

    assertThat(server.exitCode() == 0).as(server.output()).isEqualTo(ok);
    if (ok) {
      assertThat(refused).isNull();
    } else {
      assertThat(server.output()).contains("must be less than or equal to");
      assertThat(refused)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Request (")
          .hasMessageContaining("; lower the request or raise the limit");
    }
  }

  private Path deployment(Map<String, Object> resources) throws IOException {
    Map<String, Object> labels = Map.of("app", "resources");
    Map<String, Object> container =
        Map.of(
            "name",
            "collector",
            "image",
            "otel/opentelemetry-collector-contrib:0.1",
            "resources",
            resources);
    Map<String, Object> deployment =
        Map.of(
            "apiVersion",
            "apps/v1",
            "kind",
            "Deployment",
            "metadata",
            Map.of("name", "resources", "namespace", "default"),
            "spec",
            Map.of(
                "selector", Map.of("matchLabels", labels),
                "template",
                    Map.of(
                        "metadata", Map.of("labels", labels),
                        "spec", Map.of("containers", List.of(container)))));
    Path file = Files.createTempFile(dir, "deployment", ".json");
    JSON.writeValue(file.toFile(), deployment);
    return file;
  }
}

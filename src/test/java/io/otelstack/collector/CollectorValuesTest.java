package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values every collector release shares, tested once here rather than in each construct. */
class CollectorValuesTest {
  private static Map<String, Object> common() {
    CollectorConfig config =
        CollectorConfig.builder()
            .extension(new HealthCheckExtension())
            .pipeline(
                new Pipeline(
                    "traces",
                    List.of(OtlpReceiver.standard()),
                    List.of(MemoryLimiter.defaults()),
                    List.of(
                        new CoralogixExporter(
                            "",
                            "eu2.coralogix.com",
                            "otel-stack",
                            "traces",
                            CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
                            30,
                            new SendingQueue(null, 10, 5000, 512),
                            null))))
            .build();
    return CollectorValues.common(
        "deployment",
        CollectorImage.CONTRIB,
        config,
        new ContainerResources("100m", "256Mi", "500m", "512Mi"),
        "coralogix-private-key",
        "private-key",
        CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
        45);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void readsThePrivateKeyFromTheKubernetesSecretOnly() {
    assertThat(common().get("extraEnvs"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name",
                    "CORALOGIX_PRIVATE_KEY",
                    "valueFrom",
                    Map.of(
                        "secretKeyRef",
                        Map.of("name", "coralogix-private-key", "key", "private-key")))));
  }

  @Test
  void setsGoMemLimitFromTheMemoryLimit() {
    Map<String, Object> v = common();

    assertThat(v).containsEntry("useGOMEMLIMIT", true);
    assertThat(map(map(v.get("resources")).get("limits"))).containsEntry("memory", "512Mi");
  }

  @Test
  void runsNonRootWithoutCapabilitiesOnAReadOnlyRootFileSystem() {
    Map<String, Object> v = common();

    assertThat(map(v.get("podSecurityContext")))
        .containsEntry("runAsNonRoot", true)
        .containsEntry("fsGroup", 10001);
    assertThat(map(v.get("securityContext")))
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
  }

  @Test
  void closesTheChartsJaegerAndZipkinPorts() {
    assertThat(map(common().get("ports")))
        .containsOnlyKeys("jaeger-compact", "jaeger-thrift", "jaeger-grpc", "zipkin")
        .allSatisfy((name, port) -> assertThat(map(port)).containsEntry("enabled", false));
  }

  @Test
  void removesTheChartsDefaultComponentsRatherThanMergingOurConfigurationIntoThem() {
    Map<String, Object> config = map(common().get("config"));

    assertThat(map(config.get("receivers")))
        .containsEntry("jaeger", null)
        .containsEntry("zipkin", null)
        .containsKey("otlp");
  }
}

package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpReceiverTest {
  @Test
  void listensOnGrpcAndHttpOfThePodIpByDefault() {
    assertThat(OtlpReceiver.standard().settings())
        .isEqualTo(
            Map.of(
                "protocols",
                Map.of(
                    "grpc", Map.of("endpoint", "${env:MY_POD_IP}:4317"),
                    "http", Map.of("endpoint", "${env:MY_POD_IP}:4318"))));
  }

  @Test
  void listensOnGrpcOnlyWithoutAnHttpPort() {
    OtlpReceiver r = new OtlpReceiver("sampling", 4319, 0);
    assertThat(r.id().toString()).isEqualTo("otlp/sampling");
    assertThat(r.settings())
        .isEqualTo(
            Map.of("protocols", Map.of("grpc", Map.of("endpoint", "${env:MY_POD_IP}:4319"))));
  }

  @Test
  void failsWhenTheGrpcPortIsOutOfRange() {
    assertThatThrownBy(() -> new OtlpReceiver("", 0, 4318))
        .isInstanceOf(ValidationException.class)
        .hasMessage("otlp.grpcPort (0) must be in 1..65535");
  }

  @Test
  void failsWhenTheHttpPortIsTheGrpcPort() {
    assertThatThrownBy(() -> new OtlpReceiver("sampling", 4319, 4319))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "otlp/sampling.httpPort (4319) must be 0 (no HTTP) or a port in 1..65535 other than"
                + " grpcPort (4319)");
  }
}

package io.otelstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shared checks: each throws the failure it was made with, naming the prop it was given. */
class ChecksTest {
  /** Stands for ValidationException, which this leaf package cannot name. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  private static final Checks CHECK = new Checks(Invalid::new);

  @Test
  void returnsWhatPassesUnchanged() {
    assertThat(CHECK.required("p", "x")).isEqualTo("x");
    assertThat(CHECK.dnsLabel("p", "otel-logs", 53, "why")).isEqualTo("otel-logs");
    assertThat(CHECK.letterDnsLabel("p", "prod1", 38, "why")).isEqualTo("prod1");
    assertThat(CHECK.dnsSubdomain("p", "a.b-c", "gp3")).isEqualTo("a.b-c");
    assertThat(CHECK.cidr("p", "10.0.0.0/16")).isEqualTo("10.0.0.0/16");
    assertThat(CHECK.cpu("p", "0.5")).isEqualTo("0.5");
    assertThat(CHECK.memory("p", "512Mi")).isEqualTo("512Mi");
    assertThat(CHECK.wholeNumber("p", 3.0)).isEqualTo(3);
  }

  @Test
  void readsQuantitiesAndPrefixes() {
    assertThat(Checks.cores("250m")).isEqualByComparingTo("0.25");
    assertThat(Checks.cores("1.5")).isEqualByComparingTo("1.5");
    assertThat(Checks.bytes("1Gi")).isEqualTo(1L << 30);
    assertThat(Checks.bytes("1G")).isEqualTo(1_000_000_000L);
    assertThat(Checks.bytes("2048")).isEqualTo(2048L);
    assertThat(Checks.cidrPrefix("10.0.0.0/20")).isEqualTo(20);
  }

  @Test
  void failsWhenARequiredValueIsNullOrBlank() {
    assertThatThrownBy(() -> CHECK.required("Props.name", null))
        .isInstanceOf(Invalid.class)
        .hasMessage("Props.name is required");
    assertThatThrownBy(() -> CHECK.required("Props.name", " "))
        .hasMessage("Props.name is required");
  }

  @Test
  void failsWhenANameIsNotADnsLabel() {
    assertThatThrownBy(() -> CHECK.dnsLabel("Props.name", "Otel_Logs", 53, "Helm's bound"))
        .isInstanceOf(Invalid.class)
        .hasMessage(
            "Props.name (Otel_Logs) must be a DNS label: 1 to 53 lowercase letters, digits and"
                + " '-', starting and ending with a letter or digit; Helm's bound");
    assertThatThrownBy(() -> CHECK.dnsLabel("Props.name", "a".repeat(54), 53, "Helm's bound"))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> CHECK.letterDnsLabel("Props.name", "1prod", 38, "IAM"))
        .isInstanceOf(Invalid.class)
        .hasMessageStartingWith("Props.name (1prod) must be 1 to 38 lowercase letters");
  }

  @Test
  void failsWhenACidrOrAQuantityIsMalformed() {
    assertThatThrownBy(() -> CHECK.cidr("Props.cidr", "10.0.0.256/16"))
        .hasMessage("Props.cidr (10.0.0.256/16) must be an IPv4 CIDR block such as 10.0.0.0/16");
    assertThatThrownBy(() -> CHECK.memory("Props.memory", "1.5Gi"))
        .hasMessage("Props.memory (1.5Gi) must be a Kubernetes quantity such as 512Mi or 1Gi");
    assertThatThrownBy(() -> CHECK.wholeNumber("Props.replicas", 2.5))
        .hasMessage("Props.replicas (2.5) must be a whole number");
  }
}

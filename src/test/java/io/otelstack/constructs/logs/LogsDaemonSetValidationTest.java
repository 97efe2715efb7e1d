package io.otelstack.constructs.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.constructs.namespace.PodSecurityLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogsDaemonSetValidationTest {
  private final LogsFixture f = new LogsFixture();

  @Test
  void failsWhenDropDebugMeetsADebugThreshold() {
    assertThatThrownBy(() -> f.props().dropDebug(true).severityThreshold(LogSeverity.DEBUG).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "LogsDaemonSetProps.dropDebug (true) contradicts LogsDaemonSetProps.severityThreshold (DEBUG): dropping debug logs"
                + " needs a threshold of INFO or higher; set dropDebug to false or raise the"
                + " threshold");
  }

  @Test
  void failsWhenAnExcludedEndpointIsNotAPath() {
    assertThatThrownBy(() -> f.props().excludeEndpoints(List.of("metrics")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "LogsDaemonSetProps.excludeEndpoints entry (metrics) must be a URL path starting with '/' (letters,"
                + " digits and . _ ~ / -), e.g. /metrics");
  }

  @Test
  void failsWhenAnExtraFilelogExcludeIsRelative() {
    assertThatThrownBy(() -> f.props().extraFilelogExcludes(List.of("kube-system_*")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "LogsDaemonSetProps.extraFilelogExcludes entry (kube-system_*) must be an absolute glob such as"
                + " /var/log/pods/kube-system_*/*/*.log");
  }

  @Test
  void failsWhenTheQueueHasNoCapacity() {
    assertThatThrownBy(() -> f.props().queueSizeBatches(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("LogsDaemonSetProps.queueSizeBatches (0) must be > 0; default is 5000");
  }

  @Test
  void failsWhenTheQueueHasNoConsumers() {
    assertThatThrownBy(() -> f.props().queueNumConsumers(-1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("LogsDaemonSetProps.queueNumConsumers (-1) must be > 0; default is 10");
  }

  @Test
  void failsWhenTheBatchSizeIsZero() {
    assertThatThrownBy(() -> f.props().queueMaxBatchSizeKi(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("LogsDaemonSetProps.queueMaxBatchSizeKi (0) must be > 0; default is 512");
  }

  @Test
  void failsWhenTheExporterTimeoutIsZero() {
    assertThatThrownBy(() -> f.props().exporterTimeoutSeconds(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("LogsDaemonSetProps.exporterTimeoutSeconds (0) must be > 0; default is 30");
  }

  @Test
  void failsWhenTheGracePeriodIsZero() {
    assertThatThrownBy(() -> f.props().terminationGracePeriodSeconds(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "LogsDaemonSetProps.terminationGracePeriodSeconds (0) must be > 0; default is 60");
  }

  @Test
  void failsWhenTheGracePeriodIsShorterThanASend() {
    assertThatThrownBy(
            () -> f.props().terminationGracePeriodSeconds(20).exporterTimeoutSeconds(30).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "LogsDaemonSetProps.terminationGracePeriodSeconds (20) must be >="
                + " LogsDaemonSetProps.exporterTimeoutSeconds (30), so a send in flight finishes or times"
                + " out before the agent is killed (what is still queued stays on the node and is"
                + " sent after the restart); raise it to at least 30");
  }

  @Test
  void failsWhenTheReleaseNameIsNotADnsLabel() {
    assertThatThrownBy(() -> f.props().releaseName("Otel_Logs").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "LogsDaemonSetProps.releaseName (Otel_Logs) must be a DNS label: 1 to 53 lowercase"
                + " letters, digits and '-', starting and ending with a letter or digit; Helm's"
                + " bound, e.g. otel-logs");
  }

  @Test
  void failsWhenTheReleaseNameIsLongerThanHelmAllows() {
    String name = "a".repeat(54);
    assertThatThrownBy(() -> f.props().releaseName(name).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(
            "LogsDaemonSetProps.releaseName (" + name + ") must be a DNS label: 1 to 53");
  }

  @Test
  void failsWhenTheNamespaceIsMissing() {
    assertThatThrownBy(() -> f.props().namespace(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("LogsDaemonSetProps.namespace is required");
  }

  @Test
  void failsWhenTheSecretIsMissing() {
    assertThatThrownBy(() -> f.props().coralogixSecret(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("LogsDaemonSetProps.coralogixSecret is required");
  }

  @Test
  void failsWhenTheCoralogixDomainIsMissing() {
    assertThatThrownBy(() -> f.props().coralogixDomain(" ").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("LogsDaemonSetProps.coralogixDomain is required");
  }

  @Test
  void failsWhenTheCoralogixApplicationNameIsMissing() {
    assertThatThrownBy(() -> f.props().coralogixApplicationName(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("LogsDaemonSetProps.coralogixApplicationName is required");
  }

  @Test
  void failsWhenTheCoralogixDomainIsNotAHostName() {
    assertThatThrownBy(() -> f.agent(p -> p.coralogixDomain("https://eu2.coralogix.com")))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "coralogix.domain (https://eu2.coralogix.com) must be a host name such as"
                + " eu2.coralogix.com");
  }

  @Test
  void failsWhenTheNamespaceEnforcesRestricted() {
    LogsFixture restricted = new LogsFixture(PodSecurityLevel.RESTRICTED);

    assertThatThrownBy(() -> restricted.agent(restricted.props().build()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "test/Logs: LogsDaemonSetProps.namespace observability-agents enforces restricted Pod Security, which"
                + " rejects the agent's hostPath volumes and root user; give the agent a namespace"
                + " with podSecurity PRIVILEGED");
  }

  @Test
  void failsWhenTheSecretIsInAnotherNamespace() {
    CollectorNamespace gateway =
        new CollectorNamespace(
            f.stack, "Namespace", new CollectorNamespaceProps("observability", null));

    assertThatThrownBy(() -> f.agent(p -> p.coralogixSecret(f.secretIn(gateway, "GatewaySecret"))))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "test/Logs: LogsDaemonSetProps.coralogixSecret is in namespace observability but the agent runs in"
                + " observability-agents; a pod reads only Secrets of its own namespace, so create"
                + " a CoralogixKubernetesSecret in observability-agents");
  }

  @Test
  void reportsEveryCrossObjectProblemAtOnce() {
    LogsFixture restricted = new LogsFixture(PodSecurityLevel.RESTRICTED);
    CollectorNamespace other =
        new CollectorNamespace(
            restricted.stack,
            "Other",
            new CollectorNamespaceProps("other", PodSecurityLevel.PRIVILEGED));
    CollectorNamespace ns = restricted.namespace;

    ValidationException e =
        (ValidationException)
            catchThrowable(
                () ->
                    restricted.agent(
                        restricted
                            .props()
                            .namespace(ns)
                            .coralogixSecret(restricted.secretIn(other, "OtherSecret"))
                            .build()));

    assertThat(e.errors()).hasSize(2);
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a ValidationException");
  }
}

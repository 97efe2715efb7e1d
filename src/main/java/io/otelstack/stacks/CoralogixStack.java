package io.otelstack.stacks;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret_version.DataAwsSecretsmanagerSecretVersion;
import imports.coralogix.provider.CoralogixProvider;
import io.otelstack.config.AlertSettings;
import io.otelstack.config.Environment;
import io.otelstack.config.MonitoringSettings;
import io.otelstack.config.RecordingRulesSettings;
import io.otelstack.constructs.coralogix.AlertPriority;
import io.otelstack.constructs.coralogix.AlertTuning;
import io.otelstack.constructs.coralogix.CollectorHealthAlerts;
import io.otelstack.constructs.coralogix.CollectorHealthAlertsProps;
import io.otelstack.constructs.coralogix.CollectorHealthDashboard;
import io.otelstack.constructs.coralogix.CollectorHealthDashboardProps;
import io.otelstack.constructs.coralogix.RecordingRules;
import io.otelstack.constructs.coralogix.RecordingRulesProps;
import io.otelstack.constructs.coralogix.TcoLogsPolicy;
import io.otelstack.constructs.coralogix.TcoPolicies;
import io.otelstack.constructs.coralogix.TcoPoliciesProps;
import io.otelstack.constructs.coralogix.TcoPriority;
import io.otelstack.constructs.coralogix.TcoTracesPolicy;
import java.util.Map;
import java.util.stream.Collectors;
import software.constructs.Construct;

/**
 * {@code <env>-coralogix}: what the environment creates inside Coralogix, with the {@code
 * coralogix/coralogix} provider: collector-health alerts, the collector-health dashboard, recording
 * rules, and TCO policies for logs and traces.
 *
 * <p>The provider's management API key is read at apply time from AWS Secrets Manager by name
 * ({@code monitoring.apiKeySecretName}); the synthesized JSON holds only that reference. The stack
 * needs nothing from the cluster, so it can be deployed before or after the other two.
 */
public final class CoralogixStack extends TerraformStack {
  private final CollectorHealthAlerts alerts;
  private final CollectorHealthDashboard dashboard;
  private final RecordingRules recordingRules;

  /** Builds the Coralogix stack of one environment. */
  public CoralogixStack(Construct scope, String id, Environment env) {
    super(scope, id);
    StackFoundation.backend(this, env, "coralogix");
    StackFoundation.aws(this, env);
    MonitoringSettings m = env.monitoring();

    // Sensitive in state; the synthesized JSON holds only this reference, never the value.
    DataAwsSecretsmanagerSecretVersion key =
        DataAwsSecretsmanagerSecretVersion.Builder.create(this, "CoralogixApiKey")
            .secretId(m.apiKeySecretName())
            .build();
    CoralogixProvider.Builder.create(this, "Coralogix")
        .domain(env.coralogix().domain())
        .apiKey(key.getSecretString())
        .build();

    String app = env.coralogix().applicationName();
    var a = m.alerts();
    CollectorHealthAlertsProps alertProps =
        CollectorHealthAlertsProps.builder()
            .environment(env.name())
            .applicationName(app)
            .gatewayMinReplicas(env.hpa().minReplicas())
            .queueFill(tuning(a.queueFill()))
            .enqueueFailures(tuning(a.enqueueFailures()))
            .sendFailures(tuning(a.sendFailures()))
            .refusedData(tuning(a.refusedData()))
            .gatewayReplicas(tuning(a.gatewayReplicas()))
            .logsAgents(tuning(a.logsAgents()))
            .unassignedTargets(tuning(a.unassignedTargets()))
            .targetImbalance(tuning(a.targetImbalance()))
            .queueVolume(tuning(a.queueVolume()))
            .notifications(
                m.notifications().entrySet().stream()
                    .collect(
                        Collectors.toMap(
                            e -> AlertPriority.valueOf(e.getKey()), Map.Entry::getValue)))
            .build();
    this.alerts = new CollectorHealthAlerts(this, "CollectorHealthAlerts", alertProps);
    this.dashboard =
        new CollectorHealthDashboard(
            this,
            "CollectorHealthDashboard",
            new CollectorHealthDashboardProps(
                env.name(),
                app,
                Map.of(
                    alertProps.gatewayName(),
                        env.metrics().resources().containerResources().memoryLimitBytes(),
                    alertProps.logsAgentName(),
                        env.logs().resources().containerResources().memoryLimitBytes())));
    RecordingRulesSettings r = m.recordingRules();
    this.recordingRules =
        new RecordingRules(
            this,
            "RecordingRules",
            RecordingRulesProps.builder()
                .environment(env.name())
                .applicationName(app)
                .intervalSeconds(r.intervalSeconds())
                .rateWindowMinutes(r.rateWindowMinutes())
                .groupBy(r.groupBy())
                .requestsCounter(r.requestsCounter())
                .latencyHistogram(r.latencyHistogram())
                .latencyQuantiles(r.latencyQuantiles())
                .build());
    new TcoPolicies(
        this,
        "TcoPolicies",
        new TcoPoliciesProps(
            env.name(),
            // Mapped logs and traces land in their namespaces' applications, not in app.
            env.coralogix().mapping().applicationAttributes().isEmpty() ? app : null,
            m.tco().logs().stream()
                .map(
                    p ->
                        new TcoLogsPolicy(
                            p.name(), TcoPriority.of(p.priority()), p.severities(), p.subsystems()))
                .toList(),
            m.tco().traces().stream()
                .map(
                    p ->
                        new TcoTracesPolicy(p.name(), TcoPriority.of(p.priority()), p.subsystems()))
                .toList()));
  }

  private static AlertTuning tuning(AlertSettings s) {
    return new AlertTuning(
        AlertPriority.valueOf(s.priority()),
        s.minutes(),
        s.threshold() == null ? 0 : s.threshold());
  }

  /** The collector-health alerts. */
  public CollectorHealthAlerts alerts() {
    return alerts;
  }

  /** The collector-health dashboard. */
  public CollectorHealthDashboard dashboard() {
    return dashboard;
  }

  /** The recording rules. */
  public RecordingRules recordingRules() {
    return recordingRules;
  }
}

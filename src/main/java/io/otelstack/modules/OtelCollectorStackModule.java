package io.otelstack.modules;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableValidationConfig;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret_version.DataAwsSecretsmanagerSecretVersion;
import io.otelstack.constructs.logs.LogsDaemonSet;
import io.otelstack.constructs.logs.LogsDaemonSetProps;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSetProps;
import io.otelstack.constructs.metrics.TargetAllocator;
import io.otelstack.constructs.metrics.TargetAllocatorProps;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.constructs.namespace.PodSecurityLevel;
import io.otelstack.constructs.scaling.StackHpa;
import io.otelstack.constructs.scaling.StackHpaProps;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecretProps;
import io.otelstack.constructs.storage.EbsStorageClass;
import io.otelstack.constructs.storage.EbsStorageClassProps;
import io.otelstack.constructs.storage.ReclaimPolicy;
import io.otelstack.internal.Maps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The {@code otel-collector-stack} Terraform module, for teams that write HCL: the telemetry side
 * of this project (collector namespaces, the queue StorageClass, the Coralogix key's Kubernetes
 * Secrets, the logs DaemonSet, the metrics/traces StatefulSet, its Target Allocator and its HPA),
 * built from the same constructs, with Terraform variables for what a team chooses.
 *
 * <p>A reusable module configures no provider and no backend: the calling configuration passes its
 * {@code aws}, {@code kubernetes} and {@code helm} providers (which is also how the cluster is
 * chosen), and the module only declares which ones it needs. That keeps it usable with {@code
 * count}, {@code for_each} and {@code depends_on}.
 *
 * <p>A variable is a token to the constructs, so their checks of it wait for a value; each variable
 * therefore carries the same rule as a {@code validation} block, which Terraform checks at plan.
 *
 * <p>It is committed, synthesized, under {@code modules/otel-collector-stack}; {@code
 * ModuleDriftTest} regenerates it. It is not part of the app that {@code Main} synthesizes: cdktf
 * refuses to synthesize a stack with resources but no provider configuration.
 */
public final class OtelCollectorStackModule extends TerraformStack {
  /** Where the module is committed, relative to the repository root. */
  public static final String DIRECTORY = "modules/otel-collector-stack";

  /** Provider version ranges: from the versions the bindings are generated for, same major. */
  private static final Map<String, String> PROVIDERS =
      Maps.copySorted(
          Map.of(
              "aws", ">= 5.100.0, < 6.0.0",
              "kubernetes", ">= 2.38.0, < 3.0.0",
              "helm", ">= 3.1.1, < 4.0.0"));

  private static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  private static final String AGENTS_SUFFIX = "-agents";

  /** Builds the module. */
  public OtelCollectorStackModule(Construct scope, String id) {
    super(scope, id);
    // Cross-variable validation (hpa_max_replicas against hpa_min_replicas) needs 1.9.
    addOverride("terraform.required_version", ">= 1.9.0");
    Map<String, Object> required = new LinkedHashMap<>();
    PROVIDERS.forEach(
        (p, version) ->
            required.put(
                p, Maps.copySorted(Map.of("source", "hashicorp/" + p, "version", version))));
    addOverride("terraform.required_providers", required);

    TerraformVariable namespace =
        variable(
            "namespace",
            "string",
            "Namespace of the metrics/traces collectors. The logs agents run in a second one,"
                + " this name followed by "
                + AGENTS_SUFFIX
                + ". Both are created.",
            "observability");
    validate(
        namespace,
        "can(regex(\"" + DNS_LABEL + "\", var.namespace)) && length(var.namespace) <= 56",
        "The namespace must be a DNS label (lowercase letters, digits and '-') of at most 56"
            + " characters, so that the agents' namespace (followed by "
            + AGENTS_SUFFIX
            + ") fits 63.");
    TerraformVariable domain =
        variable(
            "coralogix_domain",
            "string",
            "Coralogix domain of the team's region, e.g. eu2.coralogix.com or cx498.coralogix.com.",
            null);
    validate(
        domain,
        "can(regex(\"^[a-z0-9.-]+[.][a-z]{2,}$\", var.coralogix_domain))",
        "The coralogix_domain must be a host name such as eu2.coralogix.com.");
    TerraformVariable application =
        variable(
            "coralogix_application_name",
            "string",
            "Coralogix application name every signal is sent under.",
            null);
    validate(
        application,
        "length(trimspace(var.coralogix_application_name)) > 0",
        "The coralogix_application_name must not be empty.");
    TerraformVariable secretName =
        variable(
            "coralogix_private_key_secret_name",
            "string",
            "Name of the AWS Secrets Manager secret holding the Coralogix private key; read at"
                + " apply time, never written to the configuration.",
            "otel-stack/coralogix-private-key");
    validate(
        secretName,
        "can(regex(\"^[A-Za-z0-9/_+=.@-]{1,512}$\", var.coralogix_private_key_secret_name))",
        "The coralogix_private_key_secret_name must be 1 to 512 letters, digits and /_+=.@-.");
    TerraformVariable pvcSize =
        variable(
            "queue_pvc_size_gi",
            "number",
            "Size of each collector replica's persistent sending-queue volume, in GiB.",
            10);
    TerraformVariable minReplicas =
        variable("hpa_min_replicas", "number", "Fewest metrics/traces collector replicas.", 2);
    validate(
        minReplicas,
        wholeAtLeast("var.hpa_min_replicas", "1"),
        "The hpa_min_replicas must be a whole number >= 1: with no collector, the Target"
            + " Allocator has no one to assign targets to and the OTLP Service no endpoint.");
    TerraformVariable maxReplicas =
        variable("hpa_max_replicas", "number", "Most metrics/traces collector replicas.", 6);
    validate(
        maxReplicas,
        wholeAtLeast("var.hpa_max_replicas", "var.hpa_min_replicas"),
        "The hpa_max_replicas must be a whole number >= hpa_min_replicas.");
    TerraformVariable sampling =
        variable(
            "traces_sampling_percentage",
            "number",
            "Share of traces kept that are neither errors nor slow, 0 to 100 (errors and slow"
                + " traces are always kept).",
            50);
    validate(
        sampling,
        "var.traces_sampling_percentage >= 0 && var.traces_sampling_percentage <= 100",
        "The traces_sampling_percentage must be between 0 and 100.");
    TerraformVariable allowlist =
        variable(
            "metrics_allowlist",
            "list(string)",
            "Metric names kept from scraped pods, as anchored regular expressions; everything"
                + " else is dropped at scrape time.",
            List.of(
                "go_.*",
                "process_.*",
                "http_requests_total",
                "http_request_duration_seconds_.*",
                "up"));
    validate(
        allowlist,
        "length(var.metrics_allowlist) > 0"
            + " && alltrue([for r in var.metrics_allowlist : can(regexall(r, \"\"))])",
        "The metrics_allowlist must list at least one valid regular expression, e.g. \"up\".");

    DataAwsSecretsmanagerSecretVersion key =
        DataAwsSecretsmanagerSecretVersion.Builder.create(this, "CoralogixPrivateKey")
            .secretId(secretName.getStringValue())
            .build();

    CollectorNamespace agents =
        new CollectorNamespace(
            this,
            "AgentNamespace",
            new CollectorNamespaceProps(
                namespace.getStringValue() + AGENTS_SUFFIX, PodSecurityLevel.PRIVILEGED));
    CollectorNamespace gateway =
        new CollectorNamespace(
            this,
            "GatewayNamespace",
            new CollectorNamespaceProps(namespace.getStringValue(), PodSecurityLevel.RESTRICTED));
    EbsStorageClass queueClass =
        new EbsStorageClass(
            this,
            "QueueStorageClass",
            EbsStorageClassProps.builder()
                .name("otel-queue")
                .reclaimPolicy(ReclaimPolicy.RETAIN)
                .build());

    LogsDaemonSet logs =
        new LogsDaemonSet(
            this,
            "Logs",
            LogsDaemonSetProps.builder()
                .namespace(agents)
                .coralogixSecret(keySecret("AgentCoralogixSecret", agents, key))
                .coralogixDomain(domain.getStringValue())
                .coralogixApplicationName(application.getStringValue())
                .build());
    MetricsTracesStatefulSet metricsTraces =
        new MetricsTracesStatefulSet(
            this,
            "MetricsTraces",
            MetricsTracesStatefulSetProps.builder()
                .namespace(gateway)
                .coralogixSecret(keySecret("GatewayCoralogixSecret", gateway, key))
                .coralogixDomain(domain.getStringValue())
                .coralogixApplicationName(application.getStringValue())
                .queuePvcSizeGi(Token.asNumber(pvcSize.getValue()))
                .queueStorageClass(queueClass)
                .tracesSamplingPercentage(Token.asNumber(sampling.getValue()).doubleValue())
                .build());
    validate(
        pvcSize,
        wholeAtLeast(
            "var.queue_pvc_size_gi", Long.toString(metricsTraces.props().minQueuePvcSizeGi())),
        "The queue_pvc_size_gi must be a whole number of GiB that holds every sending queue of a"
            + " replica full: at least "
            + metricsTraces.props().minQueuePvcSizeGi()
            + ".");
    new TargetAllocator(
        this,
        "TargetAllocator",
        TargetAllocatorProps.builder()
            .collector(metricsTraces)
            .allowlist(Token.asList(allowlist.getValue()))
            .build());
    new StackHpa(
        this,
        "Hpa",
        StackHpaProps.builder()
            .target(metricsTraces)
            .minReplicas(Token.asNumber(minReplicas.getValue()))
            .maxReplicas(Token.asNumber(maxReplicas.getValue()))
            .build());

    output(
        "agent_namespace",
        agents.createdName(),
        "Namespace of the logs agents (created by the module).");
    output(
        "gateway_namespace",
        gateway.createdName(),
        "Namespace of the metrics/traces collectors (created by the module).");
    output("logs_release_name", logs.props().releaseName(), "Helm release of the logs DaemonSet.");
    output(
        "metrics_traces_release_name",
        metricsTraces.name(),
        "Helm release of the metrics/traces StatefulSet; also its Service's name.");
    output(
        "otlp_grpc_endpoint",
        metricsTraces.otlpGrpcEndpoint(),
        "OTLP/gRPC endpoint applications send traces and metrics to.");
    output(
        "otlp_http_endpoint",
        metricsTraces.otlpHttpEndpoint(),
        "OTLP/HTTP endpoint applications send traces and metrics to.");
    output(
        "queue_storage_class_name",
        queueClass.name(),
        "StorageClass of the queue volumes; it retains a volume whose claim is deleted.");
  }

  private CoralogixKubernetesSecret keySecret(
      String id, CollectorNamespace namespace, DataAwsSecretsmanagerSecretVersion key) {
    return new CoralogixKubernetesSecret(
        this,
        id,
        CoralogixKubernetesSecretProps.builder()
            .namespace(namespace)
            .privateKey(key.getSecretString())
            .build());
  }

  private TerraformVariable variable(
      String name, String type, String description, Object defaultValue) {
    TerraformVariable.Builder v =
        TerraformVariable.Builder.create(this, name)
            .type(type)
            .description(description)
            .nullable(false);
    if (defaultValue != null) {
      v.defaultValue(defaultValue);
    }
    return v.build();
  }

  /** Adds a rule; {@code condition} is a Terraform expression, {@code message} one sentence. */
  private static void validate(TerraformVariable variable, String condition, String message) {
    variable.addValidation(
        TerraformVariableValidationConfig.builder()
            .condition("${" + condition + "}")
            .errorMessage(message)
            .build());
  }

  private static String wholeAtLeast(String reference, String minimum) {
    return reference + " == floor(" + reference + ") && " + reference + " >= " + minimum;
  }

  private void output(String name, String value, String description) {
    TerraformOutput.Builder.create(this, name).value(value).description(description).build();
  }
}

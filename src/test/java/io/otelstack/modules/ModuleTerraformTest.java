package io.otelstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.otelstack.collector.CollectorChart;
import io.otelstack.testing.ExternalTools;
import io.otelstack.testing.Synth;
import io.otelstack.testing.TerraformValidate;
import io.otelstack.testing.UpstreamCharts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed module under the real Terraform CLI.
 *
 * <p>{@code terraform validate} of the module, and of the README's example calling it by a local
 * path, needs the aws, kubernetes and helm providers; {@link TerraformValidate} skips it where the
 * offline mirror lacks one. The variables, their validation rules and the Helm values the module
 * renders from them need no provider: {@code terraform plan} of a configuration holding only the
 * module's variables, and its release values as outputs, evaluates them as Terraform will when the
 * module is applied, so those tests run wherever Terraform does.
 */
@Tag("integration") // runs terraform
class ModuleTerraformTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void moduleIsValidTerraform(@TempDir Path dir) throws IOException {
    ModuleFiles.copyTerraform(dir);

    assertThat(TerraformValidate.errors(dir)).isEmpty();
  }

  @Test
  void readmeExampleCallingTheModuleIsValidTerraform(@TempDir Path dir) throws IOException {
    ModuleFiles.copyTerraform(dir.resolve("otel-collector-stack"));
    Files.writeString(dir.resolve("main.tf"), ModuleFiles.readmeExampleWithLocalSource());

    assertThat(TerraformValidate.errors(dir)).isEmpty();
  }

  @Test
  void readmeExampleIsCanonicallyFormattedHcl(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), ModuleFiles.readmeExample());
    ExternalTools.Result fmt =
        ExternalTools.run(
            dir, Map.of(), 5, ExternalTools.terraform().toString(), "fmt", "-check", "-diff");

    assertThat(fmt.exitCode()).as(fmt.output()).isZero();
  }

  @Test
  void withDefaultInputsEveryReleaseRendersValuesThatPassTheUpstreamChartSchema(@TempDir Path dir)
      throws IOException {
    Map<String, Map<String, Object>> releases = renderedValues(dir, List.of());

    assertThat(releases).hasSize(4);
    releases.forEach(
        (name, values) -> {
          CollectorChart chart =
              name.endsWith("-target-allocator")
                  ? CollectorChart.TARGET_ALLOCATOR
                  : CollectorChart.COLLECTOR;
          assertThat(UpstreamCharts.schemaErrors(chart, values)).as(name).isEmpty();
        });
  }

  @Test
  void inputsReachTheValuesAsNumbersListsAndStrings(@TempDir Path dir) throws IOException {
    Map<String, Map<String, Object>> releases =
        renderedValues(
            dir,
            List.of(
                "-var=hpa_min_replicas=3",
                "-var=queue_pvc_size_gi=20",
                "-var=metrics_allowlist=[\"up\",\"payments_.*\"]",
                "-var=coralogix_application_attributes=[\"team.name\",\"k8s.namespace.name\"]",
                "-var=coralogix_application_name=pay \"ments\"",
                "-var=cluster_name=payments-prod"));
    JsonNode gateway = JSON.valueToTree(releases.get("otel-metrics-traces"));
    JsonNode traces = gateway.at("/config/exporters/coralogix~1traces");

    assertThat(gateway.at("/autoscaling/minReplicas").isInt()).isTrue();
    assertThat(gateway.at("/autoscaling/minReplicas").asInt()).isEqualTo(3);
    assertThat(
            gateway
                .at("/statefulset/volumeClaimTemplates/0/spec/resources/requests/storage")
                .asText())
        .isEqualTo("20Gi");
    assertThat(traces.path("application_name").asText()).isEqualTo("pay \"ments\"");
    assertThat(traces.path("private_key").asText()).isEqualTo("${env:CORALOGIX_PRIVATE_KEY}");
    assertThat(traces.path("application_name_attributes").toString())
        .isEqualTo("[\"team.name\",\"k8s.namespace.name\"]");
    assertThat(JSON.valueToTree(releases.get("otel-metrics-traces-target-allocator")).toString())
        .contains("\"regex\":\"up|payments_.*\"");
    for (String release : List.of("otel-logs", "otel-metrics-traces", "otel-cluster")) {
      assertThat(JSON.valueToTree(releases.get(release)).path("extraEnvs").toString())
          .as("%s names the cluster", release)
          .contains("k8s.cluster.name=payments-prod,");
    }
  }

  @Test
  void failsAtPlanWhenTheReplicaBoundsAreCrossed(@TempDir Path dir) throws IOException {
    assertThat(planErrors(dir, "-var=hpa_min_replicas=4", "-var=hpa_max_replicas=3"))
        .contains("The hpa_max_replicas must be a whole number >= hpa_min_replicas.");
  }

  @Test
  void failsAtPlanWhenTheNamespaceIsNotADnsLabel(@TempDir Path dir) throws IOException {
    assertThat(planErrors(dir, "-var=namespace=Payments_Telemetry"))
        .contains("The namespace must be a DNS label");
  }

  @Test
  void failsAtPlanWhenTheQueueVolumeCannotHoldTheQueues(@TempDir Path dir) throws IOException {
    assertThat(planErrors(dir, "-var=queue_pvc_size_gi=5"))
        .contains("holds every sending queue of a replica full: at least 10.");
  }

  @Test
  void failsAtPlanWhenTheApplicationComesFromAnAttributeTheSelfMetricsCarry(@TempDir Path dir)
      throws IOException {
    assertThat(planErrors(dir, "-var=coralogix_application_attributes=[\"service.name\"]"))
        .contains("none of which the collectors' own metrics carry");
  }

  /** The example of the module's README: its one {@code hcl} block. */
  /**
   * Writes the module's variables, and each release's values as an output, into {@code dir}; the
   * values keep their live {@code ${jsonencode(var...)}} references and escaped {@code $${env:}}.
   */
  private static void writeValuesConfig(Path dir) throws IOException {
    JsonNode module = Synth.parse(ModuleFiles.synthesized());
    ObjectNode outputs = JSON.createObjectNode();
    module
        .at("/resource/helm_release")
        .forEach(
            r -> outputs.putObject(r.path("name").asText()).set("value", r.path("values").get(0)));
    ObjectNode config = JSON.createObjectNode();
    config.set("variable", module.path("variable"));
    config.set("output", outputs);
    JSON.writeValue(dir.resolve("main.tf.json").toFile(), config);
  }

  /** Runs {@code terraform plan} and returns each release's values as Helm would read them. */
  private static Map<String, Map<String, Object>> renderedValues(Path dir, List<String> vars)
      throws IOException {
    writeValuesConfig(dir);
    ExternalTools.Result plan = plan(dir, vars);
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    ExternalTools.Result show =
        ExternalTools.run(
            dir, Map.of(), 5, ExternalTools.terraform().toString(), "show", "-json", "tfplan");
    assertThat(show.exitCode()).as(show.output()).isZero();
    Map<String, Map<String, Object>> releases = new TreeMap<>();
    Synth.parse(show.stdout())
        .at("/planned_values/outputs")
        .fields()
        .forEachRemaining(o -> releases.put(o.getKey(), yaml(o.getValue().path("value").asText())));
    return releases;
  }

  private static String planErrors(Path dir, String... vars) throws IOException {
    writeValuesConfig(dir);
    ExternalTools.Result plan = plan(dir, List.of(vars));
    assertThat(plan.exitCode()).as(plan.output()).isNotZero();
    // The CLI wraps a diagnostic's text at the terminal width.
    return plan.output().replaceAll("\\s+", " ");
  }

  private static ExternalTools.Result plan(Path dir, List<String> vars) {
    String terraform = ExternalTools.terraform().toString();
    ExternalTools.Result init =
        ExternalTools.run(dir, Map.of(), 5, terraform, "init", "-input=false", "-no-color");
    assertThat(init.exitCode()).as(init.output()).isZero();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                terraform,
                "plan",
                "-input=false",
                "-no-color",
                "-out=tfplan",
                "-var=coralogix_domain=cx498.coralogix.com",
                "-var=coralogix_application_name=payments",
                "-var=cluster_name=payments-eks"));
    cmd.addAll(vars);
    return ExternalTools.run(dir, Map.of(), 5, cmd.toArray(String[]::new));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    try {
      return YAML.readValue(text, Map.class);
    } catch (IOException e) {
      throw new AssertionError("not YAML:\n" + text, e);
    }
  }
}

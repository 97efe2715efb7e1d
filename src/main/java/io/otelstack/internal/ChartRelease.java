package io.otelstack.internal;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.Lazy;
import com.hashicorp.cdktf.providers.helm.release.Release;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.constructs.Construct;

/** Creates the {@code helm_release} of one of the pinned upstream charts. Not public API. */
public final class ChartRelease {
  /** How long Helm waits for the release to become ready before rolling back. */
  private static final int TIMEOUT_SECONDS = 600;

  /** Where Terraform would start an interpolation or a directive, unless a token starts there. */
  private static final Pattern TEMPLATE_START = Pattern.compile("([$%])\\{(?!TfToken\\[)");

  private ChartRelease() {}

  /**
   * A release that waits for readiness and rolls back atomically on failure, so a bad rollout never
   * leaves collectors half-replaced. Its values are rendered at synthesis, so constructs created
   * after it (an autoscaler, a Target Allocator) can still shape them.
   *
   * @param values produces the release values, rendered as one deterministic YAML document; called
   *     once per synthesis
   * @param dependsOn what must exist first (namespace, secret, storage class)
   */
  public static Release create(
      Construct scope,
      String id,
      HelmChart chart,
      String releaseName,
      String namespace,
      Supplier<? extends Map<String, ?>> values,
      List<ITerraformDependable> dependsOn) {
    return Release.Builder.create(scope, id)
        .name(releaseName)
        .namespace(namespace)
        .repository(chart.repository())
        .chart(chart.chart())
        .version(chart.version())
        .values(List.of(Lazy.stringValue(context -> literal(Yaml.render(values.get())))))
        .atomic(true)
        .cleanupOnFail(true)
        .waitForJobs(true)
        .timeout(TIMEOUT_SECONDS)
        .maxHistory(10)
        .dependsOn(dependsOn)
        .build();
  }

  /**
   * The values as Terraform string text. Terraform reads "${" and "%{" in any string as the start
   * of an interpolation or a directive, and the collector configuration is full of its own
   * "${env:NAME}" references, which Terraform would reject; doubled ("$${", "%%{") they reach Helm
   * unchanged. Tokens (a module's variables) stay live.
   */
  private static String literal(String yaml) {
    return TEMPLATE_START.matcher(yaml).replaceAll("$1$1{");
  }
}

package io.otelstack.internal;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.Lazy;
import com.hashicorp.cdktf.providers.helm.release.Release;
import io.otelstack.collector.CollectorChart;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.constructs.Construct;

/** Creates the {@code helm_release} of one of the pinned upstream charts. Not public API. */
public final class ChartRelease {
  /** How long Helm waits for the release to become ready before rolling back. */
  private static final int TIMEOUT_SECONDS = 600;

  private ChartRelease() {}

  /**
   * A release that waits for readiness and rolls back atomically on failure, so a bad rollout never
   * leaves collectors half-replaced.
   *
   * @param values the release values, rendered as one deterministic YAML document
   * @param dependsOn what must exist first (namespace, secret, storage class)
   */
  public static Release create(
      Construct scope,
      String id,
      CollectorChart chart,
      String releaseName,
      String namespace,
      Map<String, ?> values,
      List<ITerraformDependable> dependsOn) {
    return release(scope, id, chart, releaseName, namespace, Yaml.render(values), dependsOn);
  }

  /**
   * A release whose values are rendered at synthesis, so constructs created after it (an
   * autoscaler, a Target Allocator) can still shape them.
   *
   * @param values produces the release values; called once per synthesis
   */
  public static Release create(
      Construct scope,
      String id,
      CollectorChart chart,
      String releaseName,
      String namespace,
      Supplier<? extends Map<String, ?>> values,
      List<ITerraformDependable> dependsOn) {
    String rendered = Lazy.stringValue(context -> Yaml.render(values.get()));
    return release(scope, id, chart, releaseName, namespace, rendered, dependsOn);
  }

  private static Release release(
      Construct scope,
      String id,
      CollectorChart chart,
      String releaseName,
      String namespace,
      String values,
      List<ITerraformDependable> dependsOn) {
    return Release.Builder.create(scope, id)
        .name(releaseName)
        .namespace(namespace)
        .repository(CollectorChart.REPOSITORY)
        .chart(chart.chart())
        .version(chart.version())
        .values(List.of(values))
        .atomic(true)
        .cleanupOnFail(true)
        .waitForJobs(true)
        .timeout(TIMEOUT_SECONDS)
        .maxHistory(10)
        .dependsOn(dependsOn)
        .build();
  }
}

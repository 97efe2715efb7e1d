package io.otelstack.internal;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.helm.release.Release;
import io.otelstack.collector.CollectorChart;
import java.util.List;
import java.util.Map;
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
    return Release.Builder.create(scope, id)
        .name(releaseName)
        .namespace(namespace)
        .repository(CollectorChart.REPOSITORY)
        .chart(chart.chart())
        .version(chart.version())
        .values(List.of(Yaml.render(values)))
        .atomic(true)
        .cleanupOnFail(true)
        .waitForJobs(true)
        .timeout(TIMEOUT_SECONDS)
        .maxHistory(10)
        .dependsOn(dependsOn)
        .build();
  }
}

package io.otelstack.stacks;

import com.hashicorp.cdktf.Testing;
import io.otelstack.testing.Environments;
import io.otelstack.testing.Snapshots;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One golden file per environment stack. A failure lists each changed Terraform address; regenerate
 * with {@code -Dsnapshots.update=true} only after reading that list.
 */
class EnvironmentSnapshotTest {
  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void clusterStackMatchesItsSnapshot(String env) {
    var stack = new ClusterStack(Testing.app(), env + "-cluster", Environments.load(env));
    Snapshots.assertMatches(env + "-cluster", Testing.synth(stack));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void telemetryStackMatchesItsSnapshot(String env) {
    var stack = new TelemetryStack(Testing.app(), env + "-telemetry", Environments.load(env));
    Snapshots.assertMatches(env + "-telemetry", Testing.synth(stack));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void coralogixStackMatchesItsSnapshot(String env) {
    var stack = new CoralogixStack(Testing.app(), env + "-coralogix", Environments.load(env));
    Snapshots.assertMatches(env + "-coralogix", Testing.synth(stack));
  }
}

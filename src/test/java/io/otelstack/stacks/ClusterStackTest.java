package io.otelstack.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Testing;
import io.otelstack.testing.Environments;
import io.otelstack.testing.Synth;
import org.junit.jupiter.api.Test;

/** Stack-level wiring of {@code <env>-cluster}: state, provider, tags and outputs. */
class ClusterStackTest {
  private static JsonNode synth(String env) {
    return Synth.parse(
        Testing.synth(new ClusterStack(Testing.app(), env + "-cluster", Environments.load(env))));
  }

  @Test
  void keysTheS3StateByEnvironmentAndStack() {
    assertThat(synth("prod").at("/terraform/backend/s3/key").asText())
        .isEqualTo("otel-stack/prod/cluster.tfstate");
    assertThat(synth("staging").at("/terraform/backend/s3/key").asText())
        .isEqualTo("otel-stack/staging/cluster.tfstate");
  }

  @Test
  void locksAndEncryptsTheS3State() {
    JsonNode s3 = synth("prod").at("/terraform/backend/s3");

    assertThat(s3.path("use_lockfile").asBoolean()).isTrue();
    assertThat(s3.path("encrypt").asBoolean()).isTrue();
  }

  @Test
  void usesALocalBackendOnlyWhereTheEnvironmentAsksForOne() {
    JsonNode dev = synth("dev").path("terraform").path("backend");

    assertThat(dev.has("local")).isTrue();
    assertThat(dev.has("s3")).isFalse();
    assertThat(dev.at("/local/path").asText()).isEqualTo("terraform.tfstate.d/dev/cluster.tfstate");
  }

  @Test
  void tagsEveryResourceWithEnvironmentOwnerAndCostCentre() {
    JsonNode tags = synth("prod").at("/provider/aws/0/default_tags/0/tags");

    assertThat(tags.path("environment").asText()).isEqualTo("prod");
    assertThat(tags.path("owner").asText()).isEqualTo("platform-observability");
    assertThat(tags.path("costCentre").asText()).isEqualTo("cc-2001");
  }

  @Test
  void locksTheProviderToTheEnvironmentsAccount() {
    assertThat(synth("prod").at("/provider/aws/0/allowed_account_ids/0").asText())
        .isEqualTo("333333333333");
  }

  @Test
  void outputsWhatTheTelemetryStackAndOperatorsNeed() {
    assertThat(synth("prod").path("output").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "cluster_name",
            "cluster_endpoint",
            "cluster_certificate_authority_data",
            "coralogix_secret_arn");
  }
}

package io.otelstack.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import io.otelstack.constructs.secrets.CoralogixSecret;
import io.otelstack.constructs.secrets.CoralogixSecretProps;
import io.otelstack.testing.Synth;
import io.otelstack.testing.TerraformValidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's recipe for renaming a construct without destroying what it holds ("Moving a
 * resource"): the renamed construct's resource declares the address it used to have, and cdktf
 * writes a Terraform {@code moved} block, so the plan shows a move instead of a replacement.
 */
class MovingAResourceTest {
  /** The prod cluster stack's secret, pinned in {@link StatefulAddressesTest}. */
  private static final String OLD_ADDRESS = "aws_secretsmanager_secret.CoralogixSecret_C195C475";

  /** A stack whose secret construct was renamed from {@code CoralogixSecret} to {@code Key}. */
  private static String renamed() {
    TerraformStack stack = new TerraformStack(Testing.app(), "payments-cluster");
    AwsProvider.Builder.create(stack, "Aws").region("eu-west-1").build();
    CoralogixSecret secret =
        new CoralogixSecret(stack, "Key", new CoralogixSecretProps("payments/coralogix", null));
    ((TerraformResource) secret.getNode().findChild("Resource")).moveFromId(OLD_ADDRESS);
    return Testing.synth(stack);
  }

  @Test
  void aRenamedConstructsResourceMovesFromItsOldAddress() {
    JsonNode json = Synth.parse(renamed());

    assertThat(json.path("moved").toString())
        .isEqualTo(
            "[{\"from\":\""
                + OLD_ADDRESS
                + "\",\"to\":\"aws_secretsmanager_secret.Key_961B73FD\"}]");
  }

  @Test
  void theMovedBlockIsValidTerraform(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("cdk.tf.json"), renamed());

    assertThat(TerraformValidate.errors(dir)).isEmpty();
  }
}

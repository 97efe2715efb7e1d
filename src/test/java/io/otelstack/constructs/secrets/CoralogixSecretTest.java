package io.otelstack.constructs.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.testing.Synth;
import org.junit.jupiter.api.Test;

class CoralogixSecretTest {
  private static final String NAME = "otel-stack/coralogix-private-key";

  private static JsonNode synth(CoralogixSecretProps props) {
    TerraformStack stack = Synth.stack();
    CoralogixSecret secret = new CoralogixSecret(stack, "CoralogixSecret", props);
    new TerraformOutput(
        stack, "Arn", TerraformOutputConfig.builder().value(secret.secretArn()).build());
    new TerraformOutput(
        stack, "Name", TerraformOutputConfig.builder().value(secret.secretName()).build());
    return Synth.json(stack);
  }

  @Test
  void createsTheSecretByDefault() {
    assertThat(new CoralogixSecretProps(NAME, null).create()).isTrue();
  }

  @Test
  void createsAnEmptySecretUnderTheGivenName() {
    JsonNode json = synth(new CoralogixSecretProps(NAME, true));
    JsonNode secret = Synth.onlyResource(json, "aws_secretsmanager_secret");

    assertThat(secret.path("name").asText()).isEqualTo(NAME);
    assertThat(json.path("resource").has("aws_secretsmanager_secret_version")).isFalse();
    assertThat(json.path("data").fieldNames()).toIterable().containsExactly("aws_caller_identity");
  }

  @Test
  void encryptsACreatedSecretWithAKeyOfItsOwn() {
    JsonNode json = synth(new CoralogixSecretProps(NAME, true));
    JsonNode secret = Synth.onlyResource(json, "aws_secretsmanager_secret");
    JsonNode key = Synth.onlyResource(json, "aws_kms_key");

    assertThat(secret.path("kms_key_id").asText())
        .isEqualTo("${aws_kms_key.CoralogixSecret_KmsKey_8CD5EEAF.arn}");
    assertThat(key.path("enable_key_rotation").asBoolean()).isTrue();
    assertThat(key.path("policy").asText())
        .contains("\"Principal\":{\"AWS\":\"arn:aws:iam::${data.aws_caller_identity.");
  }

  @Test
  void exposesTheCreatedSecretsArnAndName() {
    JsonNode outputs = synth(new CoralogixSecretProps(NAME, true)).path("output");

    assertThat(outputs.path("Arn").path("value").asText())
        .isEqualTo("${aws_secretsmanager_secret.CoralogixSecret_C195C475.arn}");
    assertThat(outputs.path("Name").path("value").asText())
        .isEqualTo("${aws_secretsmanager_secret.CoralogixSecret_C195C475.name}");
  }

  @Test
  void looksUpAnExistingSecretByNameWithoutCreatingOne() {
    JsonNode json = synth(new CoralogixSecretProps(NAME, false));

    JsonNode lookups = json.path("data").path("aws_secretsmanager_secret");

    assertThat(json.has("resource")).isFalse();
    assertThat(lookups.size()).isEqualTo(1);
    String id = lookups.fieldNames().next();
    assertThat(lookups.path(id).path("name").asText()).isEqualTo(NAME);
    assertThat(json.path("output").path("Arn").path("value").asText())
        .isEqualTo("${data.aws_secretsmanager_secret." + id + ".arn}");
  }

  @Test
  void failsWhenTheSecretNameIsInvalid() {
    assertThatThrownBy(() -> new CoralogixSecretProps("otel stack/key", true))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "CoralogixSecretProps.secretName (otel stack/key) must be 1 to 512 letters, digits and"
                + " /_+=.@- such as otel-stack/coralogix-private-key");
  }
}

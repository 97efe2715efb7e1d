package io.otelstack.constructs.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.otelstack.ValidationException;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.testing.Synth;
import org.junit.jupiter.api.Test;

class CoralogixKubernetesSecretTest {
  private final TerraformStack stack = Synth.stack();
  private final CollectorNamespace namespace =
      new CollectorNamespace(
          stack, "Namespace", new CollectorNamespaceProps("observability", null));
  private final String key =
      new TerraformVariable(
              stack,
              "coralogix_private_key",
              TerraformVariableConfig.builder().type("string").sensitive(true).build())
          .getStringValue();

  private CoralogixKubernetesSecret secret(CoralogixKubernetesSecretPropsBuilder props) {
    return new CoralogixKubernetesSecret(stack, "CoralogixSecret", props.build());
  }

  private CoralogixKubernetesSecretPropsBuilder props() {
    return CoralogixKubernetesSecretProps.builder().namespace(namespace).privateKey(key);
  }

  private JsonNode resource() {
    return Synth.onlyResource(Synth.json(stack), "kubernetes_secret_v1");
  }

  @Test
  void fillsTheSecretFromTheReferenceAtApplyTime() {
    secret(props());

    assertThat(resource().at("/data/private-key").asText())
        .isEqualTo("${var.coralogix_private_key}");
  }

  @Test
  void createsTheSecretInTheNamespaceAfterIt() {
    CoralogixKubernetesSecret s = secret(props());

    assertThat(s.namespace()).isSameAs(namespace);
    assertThat(resource().at("/metadata/namespace").asText()).isEqualTo("observability");
    assertThat(resource().at("/depends_on/0").asText()).startsWith("kubernetes_namespace_v1.");
  }

  @Test
  void namesTheSecretAndKeyByDefault() {
    CoralogixKubernetesSecret s = secret(props());

    assertThat(s.name()).isEqualTo("coralogix-private-key");
    assertThat(s.key()).isEqualTo("private-key");
    assertThat(resource().at("/metadata/name").asText()).isEqualTo("coralogix-private-key");
  }

  @Test
  void namesTheSecretAndKeyFromProps() {
    CoralogixKubernetesSecret s = secret(props().name("cx-key").key("PRIVATE_KEY"));

    assertThat(s.name()).isEqualTo("cx-key");
    assertThat(resource().at("/data/PRIVATE_KEY").isMissingNode()).isFalse();
  }

  @Test
  void keepsItsTerraformAddress() {
    secret(props());

    assertThat(Synth.json(stack).path("resource").path("kubernetes_secret_v1").fieldNames())
        .toIterable()
        .containsExactly("CoralogixSecret_C195C475");
  }

  @Test
  void failsWhenThePrivateKeyIsALiteral() {
    assertThatThrownBy(() -> props().privateKey("cxtp_0123456789").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "CoralogixKubernetesSecretProps.privateKey must be a Terraform reference such as the Secrets Manager"
                + " data source's secretString, not a literal value: a literal would be written"
                + " into the synthesized Terraform JSON");
  }

  @Test
  void failsWhenThePrivateKeyIsMissing() {
    assertThatThrownBy(() -> props().privateKey(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "CoralogixKubernetesSecretProps.privateKey must be a Terraform reference such as the Secrets Manager"
                + " data source's secretString, not null: a literal would be written into the"
                + " synthesized Terraform JSON");
  }

  @Test
  void failsWhenTheNamespaceIsMissing() {
    assertThatThrownBy(() -> props().namespace(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("CoralogixKubernetesSecretProps.namespace is required");
  }

  @Test
  void failsWhenTheNameIsNotADnsSubdomain() {
    assertThatThrownBy(() -> props().name("Coralogix_Key").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "CoralogixKubernetesSecretProps.name (Coralogix_Key) must be a DNS subdomain: lowercase letters,"
                + " digits, '-' and '.', e.g. coralogix-private-key");
  }

  @Test
  void failsWhenTheKeyHasInvalidCharacters() {
    assertThatThrownBy(() -> props().key("private key").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "CoralogixKubernetesSecretProps.key (private key) must consist of letters, digits, '-', '_' and '.',"
                + " e.g. private-key");
  }
}

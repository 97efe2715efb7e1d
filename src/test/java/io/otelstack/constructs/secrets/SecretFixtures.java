package io.otelstack.constructs.secrets;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.otelstack.constructs.namespace.CollectorNamespace;

/** Secrets for the tests of the constructs that read one. */
public final class SecretFixtures {
  private SecretFixtures() {}

  /** A Coralogix Secret in {@code namespace} whose key is a sensitive variable {@code <id>Key}. */
  public static CoralogixKubernetesSecret keyedByVariable(
      TerraformStack stack, CollectorNamespace namespace, String id) {
    String key =
        new TerraformVariable(
                stack,
                id + "Key",
                TerraformVariableConfig.builder().type("string").sensitive(true).build())
            .getStringValue();
    return new CoralogixKubernetesSecret(
        stack,
        id,
        CoralogixKubernetesSecretProps.builder().namespace(namespace).privateKey(key).build());
  }
}

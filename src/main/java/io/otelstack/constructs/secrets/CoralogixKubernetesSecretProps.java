package io.otelstack.constructs.secrets;

import com.hashicorp.cdktf.Token;
import io.otelstack.ValidationException;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.internal.Checks;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.regex.Pattern;

/**
 * Props of {@link CoralogixKubernetesSecret}.
 *
 * @param namespace the namespace the Secret is created in; the collectors reading it must run
 *     there; required
 * @param privateKey the Coralogix private key as a Terraform reference, e.g. the {@code
 *     secretString} of the Secrets Manager data source; required. Never a literal: a literal would
 *     be written into the synthesized Terraform JSON.
 * @param name the Secret's name. Default: {@code coralogix-private-key}.
 * @param key the key of the private key inside the Secret. Default: {@code private-key}.
 */
@RecordBuilder
public record CoralogixKubernetesSecretProps(
    CollectorNamespace namespace, String privateKey, String name, String key) {
  /** Default {@link #name()}. */
  public static final String DEFAULT_NAME = "coralogix-private-key";

  /** Default {@link #key()}. */
  public static final String DEFAULT_KEY = "private-key";

  private static final Checks CHECK = new Checks(ValidationException::new);
  private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  /** Requires the namespace and a token-valued key, applies the default names. */
  public CoralogixKubernetesSecretProps {
    CHECK.required("CoralogixKubernetesSecretProps.namespace", namespace);
    if (privateKey == null || !Token.isUnresolved(privateKey)) {
      throw new ValidationException(
          "CoralogixKubernetesSecretProps.privateKey must be a Terraform reference such as the Secrets Manager"
              + " data source's secretString, not "
              + (privateKey == null ? "null" : "a literal value")
              + ": a literal would be written into the synthesized Terraform JSON");
    }
    name = name == null ? DEFAULT_NAME : name;
    key = key == null ? DEFAULT_KEY : key;
    CHECK.dnsSubdomain("CoralogixKubernetesSecretProps.name", name, DEFAULT_NAME);
    if (!SECRET_KEY.matcher(key).matches()) {
      throw new ValidationException(
          "CoralogixKubernetesSecretProps.key ("
              + key
              + ") must consist of letters, digits, '-', '_' and '.', e.g. "
              + DEFAULT_KEY);
    }
  }

  /** Starts props; {@code namespace} and {@code privateKey} are required. */
  public static CoralogixKubernetesSecretPropsBuilder builder() {
    return CoralogixKubernetesSecretPropsBuilder.builder();
  }
}

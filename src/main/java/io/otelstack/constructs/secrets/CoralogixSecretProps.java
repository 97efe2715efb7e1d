package io.otelstack.constructs.secrets;

import io.otelstack.ValidationException;
import java.util.regex.Pattern;

/**
 * Props of {@link CoralogixSecret}.
 *
 * @param secretName the AWS Secrets Manager secret name, e.g. {@code
 *     otel-stack/coralogix-private-key}; required
 * @param create whether this stack creates the secret; false references an existing one by name.
 *     Default: true.
 */
public record CoralogixSecretProps(String secretName, Boolean create) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");

  /** Requires a valid secret name; applies the default. */
  public CoralogixSecretProps {
    if (secretName == null || !NAME.matcher(secretName).matches()) {
      throw new ValidationException(
          "CoralogixSecretProps.secretName ("
              + secretName
              + ") must be 1 to 512 letters, digits and /_+=.@- such as"
              + " otel-stack/coralogix-private-key");
    }
    create = create == null || create;
  }
}

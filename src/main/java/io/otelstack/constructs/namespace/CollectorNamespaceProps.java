package io.otelstack.constructs.namespace;

import io.otelstack.ValidationException;
import io.otelstack.internal.Tokens;
import java.util.regex.Pattern;

/**
 * Props of {@link CollectorNamespace}.
 *
 * @param name the namespace name, a DNS label such as {@code observability}, or a Terraform token;
 *     required
 * @param podSecurity the Pod Security Standards level enforced on the namespace. Default: {@link
 *     PodSecurityLevel#RESTRICTED}.
 */
public record CollectorNamespaceProps(String name, PodSecurityLevel podSecurity) {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** Requires a DNS-label name (unless a token) and defaults the level to restricted. */
  public CollectorNamespaceProps {
    if (name == null
        || !Tokens.isToken(name) && (name.length() > 63 || !DNS_LABEL.matcher(name).matches())) {
      throw new ValidationException(
          "namespace.name ("
              + name
              + ") must be a DNS label: at most 63 lowercase letters, digits and '-', starting and"
              + " ending with a letter or digit, e.g. observability");
    }
    podSecurity = podSecurity == null ? PodSecurityLevel.RESTRICTED : podSecurity;
  }
}

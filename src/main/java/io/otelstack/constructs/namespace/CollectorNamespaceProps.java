package io.otelstack.constructs.namespace;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Tokens;

/**
 * Props of {@link CollectorNamespace}.
 *
 * @param name the namespace name, a DNS label such as {@code observability}, or a Terraform token;
 *     required
 * @param podSecurity the Pod Security Standards level enforced on the namespace. Default: {@link
 *     PodSecurityLevel#RESTRICTED}.
 */
public record CollectorNamespaceProps(String name, PodSecurityLevel podSecurity) {
  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires a DNS-label name (unless a token) and defaults the level to restricted. */
  public CollectorNamespaceProps {
    CHECK.required("CollectorNamespaceProps.name", name);
    if (!Tokens.isToken(name)) {
      CHECK.dnsLabel(
          "CollectorNamespaceProps.name", name, 63, "Kubernetes' bound, e.g. observability");
    }
    podSecurity = podSecurity == null ? PodSecurityLevel.RESTRICTED : podSecurity;
  }
}

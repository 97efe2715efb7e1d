package io.otelstack.constructs.secrets;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.kubernetes.secret_v1.SecretV1;
import com.hashicorp.cdktf.providers.kubernetes.secret_v1.SecretV1Config;
import com.hashicorp.cdktf.providers.kubernetes.secret_v1.SecretV1Metadata;
import io.otelstack.ValidationException;
import io.otelstack.constructs.namespace.CollectorNamespace;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The Coralogix private key as a Kubernetes Secret, filled at apply time from AWS Secrets Manager.
 *
 * <p>The key only ever travels as a Terraform reference: the stack reads it with a (sensitive) data
 * source and passes the reference here, so it appears neither in code, nor in environment files,
 * nor in the synthesized JSON. Collectors read it only through an environment variable filled by
 * {@code secretKeyRef}; it is never part of Helm values.
 *
 * <p>A pod reads only Secrets of its own namespace, so each collector namespace gets its own copy.
 * Rotating the key in Secrets Manager updates the Secret on the next apply; running collectors pick
 * it up when their pods restart, since environment variables are read at start-up.
 */
public class CoralogixKubernetesSecret extends Construct {
  private final CollectorNamespace namespace;
  private final String name;
  private final String key;
  private final SecretV1 resource;

  /** Creates the Secret ({@code Resource}). */
  public CoralogixKubernetesSecret(
      Construct scope, String id, CoralogixKubernetesSecretProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (CoralogixKubernetesSecretProps) is required");
    }
    this.namespace = props.namespace();
    this.name = props.name();
    this.key = props.key();
    this.resource =
        new SecretV1(
            this,
            "Resource",
            SecretV1Config.builder()
                .metadata(
                    SecretV1Metadata.builder()
                        .name(name)
                        .namespace(namespace.name())
                        .labels(Map.of("app.kubernetes.io/part-of", "otel-stack"))
                        .build())
                .type("Opaque")
                .data(Map.of(key, props.privateKey()))
                .dependsOn(List.of(namespace.dependable()))
                .build());
  }

  /** The namespace the Secret is in. */
  public CollectorNamespace namespace() {
    return namespace;
  }

  /** The Secret's name. */
  public String name() {
    return name;
  }

  /** The key of the private key inside the Secret. */
  public String key() {
    return key;
  }

  /** What pods reading the Secret must depend on. */
  public ITerraformDependable dependable() {
    return resource;
  }
}

package io.otelstack.constructs.namespace;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.kubernetes.namespace_v1.NamespaceV1;
import com.hashicorp.cdktf.providers.kubernetes.namespace_v1.NamespaceV1Config;
import com.hashicorp.cdktf.providers.kubernetes.namespace_v1.NamespaceV1Metadata;
import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * A namespace for collectors, labelled for Pod Security Admission.
 *
 * <p>The stack uses two, because the collectors do not all fit the restricted standard:
 *
 * <ul>
 *   <li>the gateway namespace (the metrics/traces StatefulSet and the Target Allocator) enforces
 *       {@link PodSecurityLevel#RESTRICTED}: those pods run as non-root with a read-only root file
 *       system, no capabilities and the runtime's seccomp profile, and keep their state on PVCs;
 *   <li>the agent namespace (the logs DaemonSet) enforces {@link PodSecurityLevel#PRIVILEGED}. The
 *       agent mounts hostPath volumes ({@code /var/log/pods}, {@code /var/lib/docker/containers}
 *       and its checkpoint directory), which baseline and restricted forbid, and runs as UID 0
 *       because the kubelet writes pod logs root-owned and not world-readable, which restricted
 *       forbids. It still drops every capability and escalation, so root only means "owner of
 *       root's files". Keeping it in its own namespace confines the exception to that one workload.
 * </ul>
 *
 * <p>Whatever the enforced level, {@code warn} and {@code audit} are always {@code restricted}, so
 * every pod that would not pass restricted shows up on apply and in the audit log: an exception is
 * visible rather than silent.
 */
public class CollectorNamespace extends Construct {
  private static final String PSA = "pod-security.kubernetes.io/";

  private final String name;
  private final PodSecurityLevel podSecurity;
  private final NamespaceV1 resource;

  /** Creates the namespace ({@code Resource}). */
  public CollectorNamespace(Construct scope, String id, CollectorNamespaceProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (CollectorNamespaceProps) is required");
    }
    this.name = props.name();
    this.podSecurity = props.podSecurity();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/part-of", "otel-stack");
    labels.put(PSA + "enforce", podSecurity.value());
    labels.put(PSA + "warn", PodSecurityLevel.RESTRICTED.value());
    labels.put(PSA + "audit", PodSecurityLevel.RESTRICTED.value());
    this.resource =
        new NamespaceV1(
            this,
            "Resource",
            NamespaceV1Config.builder()
                .metadata(NamespaceV1Metadata.builder().name(name).labels(labels).build())
                .build());
  }

  /** The namespace name. */
  public String name() {
    return name;
  }

  /**
   * The name read back from the created namespace, for a value that must not be used before the
   * namespace exists (a module output): Terraform orders by the reference, where an output's {@code
   * depends_on} on a resource is rejected by {@code terraform init} in a module.
   */
  public String createdName() {
    return resource.getMetadata().getName();
  }

  /** The enforced Pod Security level. */
  public PodSecurityLevel podSecurity() {
    return podSecurity;
  }

  /** What resources placed in this namespace must depend on. */
  public ITerraformDependable dependable() {
    return resource;
  }
}

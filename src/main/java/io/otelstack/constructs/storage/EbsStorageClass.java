package io.otelstack.constructs.storage;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.kubernetes.storage_class_v1.StorageClassV1;
import com.hashicorp.cdktf.providers.kubernetes.storage_class_v1.StorageClassV1Config;
import com.hashicorp.cdktf.providers.kubernetes.storage_class_v1.StorageClassV1Metadata;
import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * A StorageClass of encrypted gp3 volumes on the EBS CSI driver ({@value #PROVISIONER}).
 *
 * <p>Every class is encrypted (with the account's default EBS key), binds with {@code
 * WaitForFirstConsumer} so the volume is created in the availability zone the pod is scheduled to
 * (an EBS volume cannot follow a pod across zones), and allows expansion so a queue that outgrows
 * its PVC is resized in place. The stack creates two:
 *
 * <pre>{@code
 * new EbsStorageClass(this, "GeneralStorageClass",
 *     EbsStorageClassProps.builder().name("gp3").defaultClass(true).build());
 * new EbsStorageClass(this, "QueueStorageClass",
 *     EbsStorageClassProps.builder().name("otel-queue").reclaimPolicy(ReclaimPolicy.RETAIN).build());
 * }</pre>
 *
 * <p>The queue class retains its volumes: deleting a collector's PVC (by hand, or with its
 * StatefulSet) leaves the volume and the data still queued on it, which can be re-bound and
 * drained.
 */
public class EbsStorageClass extends Construct {
  /** The EBS CSI driver's provisioner name. */
  public static final String PROVISIONER = "ebs.csi.aws.com";

  private final String name;
  private final ReclaimPolicy reclaimPolicy;
  private final boolean defaultClass;

  private final StorageClassV1 resource;

  /** Creates the StorageClass ({@code Resource}). */
  public EbsStorageClass(Construct scope, String id, EbsStorageClassProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (EbsStorageClassProps) is required");
    }
    this.name = props.name();
    this.reclaimPolicy = props.reclaimPolicy();
    this.defaultClass = props.defaultClass();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("type", "gp3");
    parameters.put("encrypted", "true");
    parameters.put("csi.storage.k8s.io/fstype", "ext4");
    StorageClassV1Metadata.Builder metadata =
        StorageClassV1Metadata.builder()
            .name(name)
            .labels(Map.of("app.kubernetes.io/part-of", "otel-stack"));
    if (defaultClass) {
      metadata.annotations(Map.of("storageclass.kubernetes.io/is-default-class", "true"));
    }
    this.resource =
        new StorageClassV1(
            this,
            "Resource",
            StorageClassV1Config.builder()
                .metadata(metadata.build())
                .storageProvisioner(PROVISIONER)
                .reclaimPolicy(reclaimPolicy.value())
                .volumeBindingMode("WaitForFirstConsumer")
                .allowVolumeExpansion(true)
                .parameters(parameters)
                .build());
  }

  /** What a release whose claims use this class must depend on. */
  public ITerraformDependable dependable() {
    return resource;
  }

  /** The StorageClass name, for PVCs and volume claim templates. */
  public String name() {
    return name;
  }

  /** What happens to a volume when its claim is deleted. */
  public ReclaimPolicy reclaimPolicy() {
    return reclaimPolicy;
  }

  /** Whether claims without a class get this one. */
  public boolean defaultClass() {
    return defaultClass;
  }
}

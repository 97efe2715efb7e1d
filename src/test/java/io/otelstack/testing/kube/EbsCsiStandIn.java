package io.otelstack.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * <b>Stand-in for the EBS CSI driver's provisioner</b> (no AWS here): for each pending claim of a
 * StorageClass whose provisioner is {@code ebs.csi.aws.com}, once the real scheduler has picked a
 * node (the classes bind on first consumer), it creates the PersistentVolume the driver would: the
 * claimed size, the class's reclaim policy, pinned to the node's zone, and pre-bound to the claim.
 * The real PV controller then binds them. A released volume of a {@code Delete} class is deleted,
 * as the driver would after deleting the EBS volume; a {@code Retain} one stays, as on AWS.
 */
final class EbsCsiStandIn extends StandIn {
  static final String DRIVER = "ebs.csi.aws.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  EbsCsiStandIn(KubeApi api) {
    super(api, "ebs-csi-stand-in");
  }

  @Override
  protected void poll() {
    Map<String, JsonNode> classes = new HashMap<>();
    for (JsonNode sc : api.get("/apis/storage.k8s.io/v1/storageclasses").path("items")) {
      if (DRIVER.equals(sc.path("provisioner").asText())) {
        classes.put(sc.path("metadata").path("name").asText(), sc);
      }
    }
    for (JsonNode pvc : api.get("/api/v1/persistentvolumeclaims").path("items")) {
      JsonNode sc = classes.get(pvc.path("spec").path("storageClassName").asText());
      String selectedNode =
          pvc.path("metadata")
              .path("annotations")
              .path("volume.kubernetes.io/selected-node")
              .asText("");
      if (sc != null
          && "Pending".equals(pvc.path("status").path("phase").asText())
          && !selectedNode.isEmpty()) {
        api.create("/api/v1/persistentvolumes", volume(pvc, sc, selectedNode));
      }
    }
    for (JsonNode pv : api.get("/api/v1/persistentvolumes").path("items")) {
      if ("Released".equals(pv.path("status").path("phase").asText())
          && "Delete".equals(pv.path("spec").path("persistentVolumeReclaimPolicy").asText())
          && DRIVER.equals(pv.path("spec").path("csi").path("driver").asText())) {
        api.delete("/api/v1/persistentvolumes/" + pv.path("metadata").path("name").asText(), 0);
      }
    }
  }

  private JsonNode volume(JsonNode pvc, JsonNode sc, String nodeName) {
    JsonNode meta = pvc.path("metadata");
    String uid = meta.path("uid").asText();
    String zone =
        api.get("/api/v1/nodes/" + nodeName)
            .path("metadata")
            .path("labels")
            .path("topology.kubernetes.io/zone")
            .asText();
    ObjectNode pv = JSON.createObjectNode();
    pv.put("apiVersion", "v1").put("kind", "PersistentVolume");
    ObjectNode pvMeta = pv.putObject("metadata");
    pvMeta.put("name", "pvc-" + uid);
    pvMeta.putObject("annotations").put("pv.kubernetes.io/provisioned-by", DRIVER);
    ObjectNode spec = pv.putObject("spec");
    spec.putObject("capacity")
        .put(
            "storage",
            pvc.path("spec").path("resources").path("requests").path("storage").asText());
    spec.set("accessModes", pvc.path("spec").path("accessModes"));
    spec.put("persistentVolumeReclaimPolicy", sc.path("reclaimPolicy").asText("Delete"));
    spec.put("storageClassName", sc.path("metadata").path("name").asText());
    spec.put("volumeMode", "Filesystem");
    spec.putObject("claimRef")
        .put("namespace", meta.path("namespace").asText())
        .put("name", meta.path("name").asText())
        .put("uid", uid);
    spec.putObject("csi")
        .put("driver", DRIVER)
        .put("volumeHandle", "vol-standin-" + uid.replace("-", "").substring(0, 17))
        .put("fsType", "ext4");
    spec.putObject("nodeAffinity")
        .putObject("required")
        .putArray("nodeSelectorTerms")
        .addObject()
        .putArray("matchExpressions")
        .addObject()
        .put("key", "topology.kubernetes.io/zone")
        .put("operator", "In")
        .putArray("values")
        .add(zone);
    return pv;
  }
}

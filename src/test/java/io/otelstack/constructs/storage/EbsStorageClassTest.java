package io.otelstack.constructs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.testing.Synth;
import org.junit.jupiter.api.Test;

class EbsStorageClassTest {
  private final TerraformStack stack = Synth.stack();

  private JsonNode storageClass() {
    return Synth.onlyResource(Synth.json(stack), "kubernetes_storage_class_v1");
  }

  private EbsStorageClass general() {
    return new EbsStorageClass(
        stack, "GeneralStorageClass", EbsStorageClassProps.builder().name("gp3").build());
  }

  private EbsStorageClass queue() {
    return new EbsStorageClass(
        stack,
        "QueueStorageClass",
        EbsStorageClassProps.builder()
            .name("otel-queue")
            .reclaimPolicy(ReclaimPolicy.RETAIN)
            .build());
  }

  @Test
  void provisionsEncryptedGp3VolumesOnTheEbsCsiDriver() {
    general();

    assertThat(storageClass().at("/storage_provisioner").asText()).isEqualTo("ebs.csi.aws.com");
    assertThat(storageClass().at("/parameters/type").asText()).isEqualTo("gp3");
    assertThat(storageClass().at("/parameters/encrypted").asText()).isEqualTo("true");
  }

  @Test
  void bindsVolumesWhereThePodIsScheduled() {
    general();

    assertThat(storageClass().at("/volume_binding_mode").asText())
        .isEqualTo("WaitForFirstConsumer");
  }

  @Test
  void allowsVolumesToGrow() {
    general();

    assertThat(storageClass().at("/allow_volume_expansion").asBoolean()).isTrue();
  }

  @Test
  void deletesVolumesWithTheirClaimsByDefault() {
    EbsStorageClass sc = general();

    assertThat(sc.reclaimPolicy()).isEqualTo(ReclaimPolicy.DELETE);
    assertThat(storageClass().at("/reclaim_policy").asText()).isEqualTo("Delete");
  }

  @Test
  void retainsQueueVolumesWhenTheirClaimIsDeleted() {
    EbsStorageClass sc = queue();

    assertThat(sc.name()).isEqualTo("otel-queue");
    assertThat(storageClass().at("/reclaim_policy").asText()).isEqualTo("Retain");
    assertThat(storageClass().at("/parameters/encrypted").asText()).isEqualTo("true");
    assertThat(storageClass().at("/volume_binding_mode").asText())
        .isEqualTo("WaitForFirstConsumer");
    assertThat(storageClass().at("/allow_volume_expansion").asBoolean()).isTrue();
  }

  @Test
  void isNotTheDefaultClassUnlessAsked() {
    general();

    assertThat(storageClass().at("/metadata/annotations").isMissingNode()).isTrue();
  }

  @Test
  void marksTheDefaultClass() {
    new EbsStorageClass(
        stack,
        "GeneralStorageClass",
        EbsStorageClassProps.builder().name("gp3").defaultClass(true).build());

    assertThat(
            storageClass()
                .at("/metadata/annotations")
                .path("storageclass.kubernetes.io/is-default-class")
                .asText())
        .isEqualTo("true");
  }

  @Test
  void keepsItsTerraformAddresses() {
    general();
    queue();

    assertThat(Synth.json(stack).path("resource").path("kubernetes_storage_class_v1").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("GeneralStorageClass_50C009FA", "QueueStorageClass_E398A0C5");
  }

  @Test
  void failsWhenTheNameIsNotADnsSubdomain() {
    assertThatThrownBy(() -> EbsStorageClassProps.builder().name("GP3").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EbsStorageClassProps.name (GP3) must be a DNS subdomain: lowercase letters, digits, '-' and"
                + " '.', e.g. gp3");
  }
}

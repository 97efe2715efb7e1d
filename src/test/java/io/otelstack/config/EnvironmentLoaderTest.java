package io.otelstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.otelstack.ValidationException;
import io.otelstack.constructs.cluster.CapacityType;
import io.otelstack.constructs.cluster.Taint;
import io.otelstack.constructs.cluster.TaintEffect;
import io.otelstack.constructs.logs.LogSeverity;
import io.otelstack.constructs.metrics.AllocationStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLoaderTest {
  private static final Path COMMITTED = EnvironmentFiles.committed();

  private static Environment committed(String name) {
    return EnvironmentLoader.load(COMMITTED, name);
  }

  @Test
  void loadsEveryCommittedEnvironmentSortedByName() {
    assertThat(EnvironmentLoader.loadAll(COMMITTED))
        .extracting(Environment::name)
        .containsExactly("dev", "prod", "staging");
  }

  @Test
  void namesTheFileAsTheDirectoryResolvesIt() {
    assertThat(committed("prod").file()).isEqualTo(COMMITTED.resolve("prod.yaml").toString());
  }

  @Test
  void keepsDebugLogsOutOfProdOnly() {
    assertThat(committed("prod").logs().dropDebug()).isTrue();
    assertThat(committed("staging").logs().dropDebug()).isFalse();
    assertThat(committed("dev").logs().dropDebug()).isFalse();
  }

  @Test
  void shipsDebugLogsFromDevOnly() {
    assertThat(committed("dev").logs().severityThreshold()).isEqualTo(LogSeverity.DEBUG);
    assertThat(committed("staging").logs().severityThreshold()).isEqualTo(LogSeverity.INFO);
    assertThat(committed("prod").logs().severityThreshold()).isEqualTo(LogSeverity.INFO);
  }

  @Test
  void samplesTenPercentOfTracesInProdAndHalfElsewhere() {
    assertThat(committed("prod").traces().samplingPercentage()).isEqualTo(10.0);
    assertThat(committed("staging").traces().samplingPercentage()).isEqualTo(50.0);
    assertThat(committed("dev").traces().samplingPercentage()).isEqualTo(50.0);
  }

  @Test
  void scalesEachEnvironmentWithinItsOwnBounds() {
    assertThat(List.of(committed("dev").hpa(), committed("staging").hpa(), committed("prod").hpa()))
        .extracting(HpaSettings::minReplicas, HpaSettings::maxReplicas)
        .containsExactly(tuple(1, 2), tuple(2, 4), tuple(3, 12));
  }

  @Test
  void givesProdTheLargestQueueVolume() {
    assertThat(committed("prod").queue().pvcSizeGi()).isEqualTo(20);
    assertThat(committed("staging").queue().pvcSizeGi()).isEqualTo(10);
    assertThat(committed("dev").queue().pvcSizeGi()).isEqualTo(5);
  }

  @Test
  void keepsStateLocallyOnlyInDev() {
    assertThat(committed("dev").state().backend()).isEqualTo(StateBackend.LOCAL);
    assertThat(committed("staging").state().backend()).isEqualTo(StateBackend.S3);
    assertThat(committed("prod").state().backend()).isEqualTo(StateBackend.S3);
  }

  @Test
  void opensThePublicEndpointOnlyInDev() {
    assertThat(committed("dev").cluster().endpoint().publicAccessCidrs())
        .containsExactly("203.0.113.0/24");
    assertThat(committed("staging").cluster().endpoint().publicAccess()).isFalse();
    assertThat(committed("prod").cluster().endpoint().publicAccess()).isFalse();
  }

  @Test
  void deploysEachEnvironmentToItsOwnAccount() {
    assertThat(EnvironmentLoader.loadAll(COMMITTED))
        .extracting(environment -> environment.cluster().accountId())
        .containsExactly("111111111111", "333333333333", "222222222222");
  }

  @Test
  void mergesNodeGroupsDeeplyOverTheDefaults() {
    NodeGroupSettings system = committed("staging").cluster().nodeGroups().get("system");
    assertThat(system.maxSize()).isEqualTo(6);
    assertThat(system.instanceTypes()).containsExactly("m6i.large");
    assertThat(committed("staging").cluster().nodeGroups())
        .containsOnlyKeys("observability", "system");
  }

  @Test
  void replacesListsInsteadOfMergingThem() {
    assertThat(committed("dev").cluster().nodeGroups().get("system").instanceTypes())
        .containsExactly("t3.large", "t3a.large");
    assertThat(committed("dev").metrics().allowlist()).containsExactly(".*");
  }

  @Test
  void bindsTaintsOfDedicatedNodeGroups() {
    assertThat(committed("prod").cluster().nodeGroups().get("observability").taints())
        .containsExactly(new Taint("dedicated", "observability", TaintEffect.NO_SCHEDULE));
  }

  @Test
  void readsScrapeTiersAsDurations() {
    assertThat(committed("dev").metrics().scrapeTiers())
        .containsExactly(
            Map.entry("critical", Duration.ofSeconds(15)),
            Map.entry("development", Duration.ofMinutes(5)),
            Map.entry("normal", Duration.ofMinutes(1)));
  }

  @Test
  void readsEnumsFromTheirYamlValues() {
    Environment dev = committed("dev");
    assertThat(dev.cluster().nodeGroups().get("system").capacityType())
        .isEqualTo(CapacityType.SPOT);
    assertThat(dev.targetAllocator().allocationStrategy())
        .isEqualTo(AllocationStrategy.CONSISTENT_HASHING);
    assertThat(dev.targetAllocator().allocationStrategy().value()).isEqualTo("consistent-hashing");
    assertThat(dev.state().backend().value()).isEqualTo("local");
  }

  @Test
  void tagsEveryEnvironmentWithOwnerAndCostCentre() {
    assertThat(committed("prod").tags())
        .containsExactly(
            Map.entry("costCentre", "cc-2001"), Map.entry("owner", "platform-observability"));
  }

  @Test
  void ignoresFilesStartingWithAnUnderscore(@TempDir Path dir) {
    EnvironmentFiles.withDefaults(dir, "qa.yaml", EnvironmentFiles.read("dev.yaml"));
    EnvironmentFiles.write(dir, "_notes.yaml", "not: an environment\n");
    assertThat(EnvironmentLoader.loadAll(dir)).extracting(Environment::name).containsExactly("qa");
  }

  @Test
  void failsWhenTheNamedEnvironmentDoesNotExist() {
    assertThatThrownBy(() -> EnvironmentLoader.load(COMMITTED, "qa"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            COMMITTED.resolve("qa.yaml")
                + ": no such environment; the environments are dev, prod, staging");
  }

  @Test
  void failsWhenTheDirectoryHoldsNoEnvironment(@TempDir Path dir) {
    EnvironmentFiles.write(
        dir, EnvironmentLoader.DEFAULTS, EnvironmentFiles.read(EnvironmentLoader.DEFAULTS));
    assertThatThrownBy(() -> EnvironmentLoader.loadAll(dir))
        .isInstanceOf(ValidationException.class)
        .hasMessage(dir + ": no environment files; add one, e.g. " + dir.resolve("dev.yaml"));
  }

  @Test
  void failsWhenTheDirectoryDoesNotExist(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> EnvironmentLoader.loadAll(missing))
        .isInstanceOf(ValidationException.class)
        .hasMessage(missing + ": not a directory; point at the directory holding _defaults.yaml");
  }
}

package io.otelstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.otelstack.ValidationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad environment files and the exact messages they get. Expected lines name files relative to the
 * scratch directory; {@link #errors} prefixes them with it, as the loader prints them.
 */
class EnvironmentValidationTest {
  private static final String ACCOUNT = "cluster:\n  accountId: \"123456789012\"\n";

  @TempDir Path dir;

  /** The errors of loading {@code dir}, with the directory prefix removed. */
  private List<String> errors() {
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> EnvironmentLoader.loadAll(dir));
    assertThat(e).as("a ValidationException").isNotNull();
    return e.errors().stream()
        .map(
            line ->
                line.startsWith(dir + File.separator)
                    ? line.substring(dir.toString().length() + 1)
                    : line)
        .toList();
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        bad(
            "failsWhenTheFileIsEmpty",
            "",
            "x.yaml: the file is empty; state the fields that differ from _defaults.yaml, at"
                + " least cluster.accountId"),
        bad(
            "failsWhenTheFileHoldsOnlyComments",
            "# yaml-language-server: $schema=./environment.schema.json\n",
            "x.yaml: the file is empty; state the fields that differ from _defaults.yaml, at"
                + " least cluster.accountId"),
        bad(
            "failsWhenAQuoteIsNotClosed",
            "cluster:\n  accountId: \"123456789012\n",
            "x.yaml: line 3, column 1: YAML syntax error: while scanning a quoted scalar: found"
                + " unexpected end of stream"),
        bad(
            "failsWhenAValueIsIndentedUnderAScalar",
            "hpa:\n  minReplicas: 2\n    maxReplicas: 3\n",
            "x.yaml: line 3, column 16: YAML syntax error: mapping values are not allowed here"),
        bad(
            "failsWhenTabsIndent",
            "cluster:\n\taccountId: \"123456789012\"\n",
            "x.yaml: line 2, column 1: YAML syntax error: while scanning for the next token: found"
                + " character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for"
                + " indentation)"),
        bad(
            "failsWhenAKeyIsDuplicated",
            ACCOUNT + "hpa:\n  minReplicas: 2\n  minReplicas: 3\n",
            "x.yaml: line 5: duplicate key hpa.minReplicas (first at line 4); state each field"
                + " once"),
        bad(
            "failsWhenTheTopLevelIsAList",
            "- cluster\n",
            "x.yaml: line 1: the top level must be a mapping of fields such as cluster: and hpa:,"
                + " not a list"),
        bad(
            "failsWhenTheFileHoldsTwoDocuments",
            ACCOUNT + "---\nhpa: {}\n",
            "x.yaml: line 4: a second YAML document starts here; an environment file holds one"
                + " document (remove the ---)"),
        bad(
            "failsWhenAnAliasIsUsed",
            ACCOUNT + "hpa:\n  minReplicas: &two 2\n  maxReplicas: *two\n",
            "x.yaml: line 5: hpa.maxReplicas uses the alias *two; aliases are not supported,"
                + " write the value out"),
        bad(
            "failsWhenANumberIsInfinite",
            ACCOUNT + "traces:\n  samplingPercentage: .inf\n",
            "x.yaml: line 4: cannot read the value: Malformed numeric value '.inf'"),
        bad(
            "failsWhenTheAccountIdIsMissing",
            "hpa:\n  minReplicas: 2\n",
            "x.yaml: cluster.accountId is missing: The 12-digit AWS account ID of the cluster,"
                + " quoted. No default: every environment file states it, which guards against"
                + " applying to the wrong account."),
        bad(
            "failsWhenTheAccountIdIsNotQuoted",
            "cluster:\n  accountId: 123456789012\n",
            "x.yaml: line 2: cluster.accountId (123456789012) must be a string, not an integer;"
                + " quote it: \"123456789012\""),
        bad(
            "failsWhenTheAccountIdIsShort",
            "cluster:\n  accountId: \"12345678901\"\n",
            "x.yaml: line 2: cluster.accountId (12345678901) must be a 12-digit AWS account ID in"
                + " quotes, e.g. \"123456789012\""),
        bad(
            "failsWhenTheKubernetesVersionIsANumber",
            ACCOUNT + "  kubernetesVersion: 1.30\n",
            "x.yaml: line 3: cluster.kubernetesVersion (1.30) must be a string, not a number;"
                + " quote it: \"1.30\""),
        bad(
            "failsWhenTheRegionIsMalformed",
            ACCOUNT + "  region: eu-west\n",
            "x.yaml: line 3: cluster.region (eu-west) must be an AWS region such as eu-west-1"),
        bad(
            "failsWhenAFieldNameIsMisspelt",
            ACCOUNT + "hpa:\n  maxReplica: 4\n",
            "x.yaml: line 4: hpa.maxReplica is not a field of hpa; did you mean"
                + " hpa.maxReplicas?"),
        bad(
            "failsWhenAFieldNameIsFarFromEveryField",
            ACCOUNT + "targetAllocator:\n  image: ta:1\n",
            "x.yaml: line 4: targetAllocator.image is not a field of targetAllocator; the fields"
                + " are replicas, allocationStrategy"),
        bad(
            "failsWhenATopLevelFieldIsUnknown",
            ACCOUNT + "tracing:\n  samplingPercentage: 5\n",
            "x.yaml: line 3: tracing is not a top-level field; did you mean traces?"),
        bad(
            "failsWhenThePrivateKeyIsInline",
            ACCOUNT + "coralogix:\n  privateKey: cxtp_0123456789abcdef\n",
            "x.yaml: line 4: coralogix.privateKey looks like an inline secret; secret values never"
                + " go in environment files: store it in AWS Secrets Manager and reference it by"
                + " name (the Coralogix key: coralogix.privateKeySecretName)"),
        bad(
            "failsWhenAnApiTokenIsInlineInTags",
            ACCOUNT + "tags:\n  apiToken: abc123\n",
            "x.yaml: line 4: tags.apiToken looks like an inline secret; secret values never go in"
                + " environment files: store it in AWS Secrets Manager and reference it by name"
                + " (the Coralogix key: coralogix.privateKeySecretName)"),
        bad(
            "failsWhenAPasswordIsInlineAtTheTopLevel",
            ACCOUNT + "grafana_password: 12345\n",
            "x.yaml: line 3: grafana_password looks like an inline secret; secret values never go"
                + " in environment files: store it in AWS Secrets Manager and reference it by name"
                + " (the Coralogix key: coralogix.privateKeySecretName)"),
        bad(
            "failsWhenTheSecretNameHoldsTheKeyItself",
            ACCOUNT + "coralogix:\n  privateKeySecretName: cxtp_0123456789abcdef\n",
            "x.yaml: coralogix.privateKeySecretName looks like a Coralogix key, not the name of a"
                + " secret; store the key in AWS Secrets Manager and put the secret's name here,"
                + " e.g. otel-stack/coralogix-private-key"),
        bad(
            "failsWhenAnIntegerIsQuoted",
            ACCOUNT + "hpa:\n  minReplicas: \"3\"\n",
            "x.yaml: line 4: hpa.minReplicas (\"3\") must be an integer, not a string"),
        bad(
            "failsWhenASectionIsEmpty",
            ACCOUNT + "hpa:\n",
            "x.yaml: line 3: hpa is empty (null) but must be a mapping; give it a value or remove"
                + " the line"),
        bad(
            "failsWhenABooleanIsQuoted",
            ACCOUNT + "queue:\n  enabled: \"true\"\n",
            "x.yaml: line 4: queue.enabled (\"true\") must be true or false, not a string"),
        bad(
            "failsWhenAMappingIsAList",
            ACCOUNT + "tags: [owner]\n",
            "x.yaml: line 3: tags ([owner]) must be a mapping, not a list"),
        bad(
            "failsWhenASeverityIsLowerCase",
            ACCOUNT + "logs:\n  severityThreshold: warn\n",
            "x.yaml: line 4: logs.severityThreshold (warn) must be one of TRACE, DEBUG, INFO, WARN,"
                + " ERROR, FATAL; did you mean WARN?"),
        bad(
            "failsWhenTheCapacityTypeIsUnknown",
            ACCOUNT + "  nodeGroups:\n    system:\n      capacityType: RESERVED\n",
            "x.yaml: line 5: cluster.nodeGroups.system.capacityType (RESERVED) must be one of"
                + " ON_DEMAND, SPOT"),
        bad(
            "failsWhenAnAllocationStrategyUsesUnderscores",
            ACCOUNT + "targetAllocator:\n  allocationStrategy: least_weighted\n",
            "x.yaml: line 4: targetAllocator.allocationStrategy (least_weighted) must be one of"
                + " consistent-hashing, least-weighted; did you mean least-weighted?"),
        bad(
            "failsWhenMinReplicasIsZero",
            ACCOUNT + "hpa:\n  minReplicas: 0\n",
            "x.yaml: line 4: hpa.minReplicas (0) must be >= 1"),
        bad(
            "failsWhenTheSamplingPercentageExceedsOneHundred",
            ACCOUNT + "traces:\n  samplingPercentage: 150\n",
            "x.yaml: line 4: traces.samplingPercentage (150) must be <= 100"),
        bad(
            "failsWhenTheSamplingPercentageIsNegative",
            ACCOUNT + "traces:\n  samplingPercentage: -0.5\n",
            "x.yaml: line 4: traces.samplingPercentage (-0.5) must be >= 0"),
        bad(
            "failsWhenATargetUtilizationExceedsOneHundred",
            ACCOUNT + "hpa:\n  targetMemoryUtilizationPercent: 120\n",
            "x.yaml: line 4: hpa.targetMemoryUtilizationPercent (120) must be <= 100"),
        bad(
            "failsWhenARequestExceedsItsLimit",
            ACCOUNT + "metrics:\n  resources:\n    memoryRequest: 1536Mi\n",
            "x.yaml: metrics.resources.memoryRequest (1536Mi) must be <="
                + " metrics.resources.memoryLimit (1Gi); lower the request or raise the limit"),
        bad(
            "failsWhenACpuQuantityIsMalformed",
            ACCOUNT + "logs:\n  resources:\n    cpuLimit: 1 core\n",
            "x.yaml: line 5: logs.resources.cpuLimit (1 core) must be a CPU quantity such as 250m"
                + " or 1"),
        bad(
            "failsWhenAScrapeIntervalIsMalformed",
            ACCOUNT + "metrics:\n  scrapeTiers:\n    critical: 15 seconds\n",
            "x.yaml: line 5: metrics.scrapeTiers.critical (15 seconds) must be a duration such as"
                + " 15s, 5m or 1h"),
        bad(
            "failsWhenATierNameIsNotDnsSafe",
            ACCOUNT + "metrics:\n  scrapeTiers:\n    Fast_Tier: 5s\n",
            "x.yaml: line 5: metrics.scrapeTiers has the key Fast_Tier, which must be a tier name:"
                + " lowercase letters, digits and '-'"),
        bad(
            "failsWhenANewNodeGroupLeavesOutFields",
            ACCOUNT
                + "  nodeGroups:\n    gpu:\n      instanceTypes: [g5.xlarge]\n      minSize: 0\n"
                + "      maxSize: 2\n      desiredSize: 0\n      diskSizeGi: 100\n",
            "x.yaml: cluster.nodeGroups.gpu.capacityType is missing: ON_DEMAND or SPOT (cheaper;"
                + " AWS may reclaim a node with two minutes' notice).",
            "x.yaml: cluster.nodeGroups.gpu.labels is missing: Kubernetes labels on every node.",
            "x.yaml: cluster.nodeGroups.gpu.taints is missing: Kubernetes taints on every node."),
        bad(
            "failsWhenACidrHasHostBitsSet",
            ACCOUNT + "  vpc:\n    cidr: 10.1.2.3/16\n",
            "x.yaml: cluster.vpc.cidr (10.1.2.3/16) has host bits set; a CIDR block starts at its"
                + " network address: use 10.1.0.0/16"),
        bad(
            "failsWhenACidrIsMalformed",
            ACCOUNT + "  vpc:\n    cidr: 10.0.0.0/33\n",
            "x.yaml: line 4: cluster.vpc.cidr (10.0.0.0/33) must be an IPv4 CIDR block such as"
                + " 10.0.0.0/16"),
        bad(
            "failsWhenAnExistingVpcHasOneSubnet",
            ACCOUNT
                + "  vpc:\n    create: false\n    existingSubnetIds: [subnet-0123456789abcdef0]\n",
            "x.yaml: cluster.vpc.existingSubnetIds has 1 subnet(s) but needs at least 2 in"
                + " different availability zones when cluster.vpc.create is false; list them, or"
                + " set create: true",
            "x.yaml: networkPolicy.kubernetesApiCidrs is empty but cluster.vpc.create is false, so"
                + " the VPC block holding the Kubernetes API server's endpoints is unknown; list"
                + " the existing VPC's IPv4 blocks, e.g. [10.0.0.0/16]"),
        bad(
            "failsWhenAnExistingVpcLeavesTheKubernetesApiBlocksUnknown",
            ACCOUNT
                + "  vpc:\n    create: false\n    existingSubnetIds:"
                + " [subnet-0123456789abcdef0, subnet-0123456789abcdef1]\n",
            "x.yaml: networkPolicy.kubernetesApiCidrs is empty but cluster.vpc.create is false, so"
                + " the VPC block holding the Kubernetes API server's endpoints is unknown; list"
                + " the existing VPC's IPv4 blocks, e.g. [10.0.0.0/16]"),
        bad(
            "failsWhenACoralogixBlockHasHostBits",
            ACCOUNT + "networkPolicy:\n  coralogixCidrs: [10.1.2.3/16]\n",
            "x.yaml: networkPolicy.coralogixCidrs[0] (10.1.2.3/16) has host bits set; a CIDR block"
                + " starts at its network address: use 10.1.0.0/16"),
        bad(
            "failsWhenAnExcludedEndpointLacksTheSlash",
            ACCOUNT + "logs:\n  excludeEndpoints: [metrics]\n",
            "x.yaml: line 4: logs.excludeEndpoints[0] (metrics) must be a request path starting"
                + " with /, e.g. /metrics"),
        bad(
            "failsWhenAListRepeatsAnItem",
            ACCOUNT + "  controlPlaneLogTypes: [api, audit, api]\n",
            "x.yaml: line 3: cluster.controlPlaneLogTypes ([api, audit, api]) lists an item twice;"
                + " remove the repeat"),
        bad(
            "failsWhenTheAllowlistIsEmpty",
            ACCOUNT + "metrics:\n  allowlist: []\n",
            "x.yaml: line 4: metrics.allowlist must list at least 1 item"),
        bad(
            "failsWhenTheOwnerTagIsEmpty",
            ACCOUNT + "tags:\n  owner: \"\"\n",
            "x.yaml: line 4: tags.owner (\"\") must be a non-empty AWS tag value"),
        bad(
            "failsWhenATagKeyIsReservedByAws",
            ACCOUNT + "tags:\n  \"aws:team\": platform\n",
            "x.yaml: line 4: tags has the key aws:team, which must be an AWS tag key: up to 128"
                + " letters, digits, spaces and _.:/=+-@, not starting with aws:"),
        bad(
            "failsWhenTheImageTagFloats",
            ACCOUNT + "collector:\n  image:\n    tag: latest\n",
            "x.yaml: line 5: collector.image.tag (latest) must be a pinned image tag such as"
                + " 0.158.0 (not latest)"),
        bad(
            "failsWhenTargetsAreAllocatedPerNode",
            ACCOUNT + "targetAllocator:\n  allocationStrategy: per-node\n",
            "x.yaml: line 4: targetAllocator.allocationStrategy (per-node) must be one of"
                + " consistent-hashing, least-weighted"),
        bad(
            "failsWhenTheStateBucketIsNotAValidName",
            ACCOUNT + "state:\n  bucket: My_Bucket\n",
            "x.yaml: line 4: state.bucket (My_Bucket) must be an S3 bucket name: 3 to 63"
                + " lowercase letters, digits, '.' and '-'"),
        bad(
            "failsWhenTheCoralogixDomainIsUnknown",
            ACCOUNT + "coralogix:\n  domain: eu3.coralogix.com\n",
            "x.yaml: line 4: coralogix.domain (eu3.coralogix.com) must be one of coralogix.com,"
                + " eu2.coralogix.com, coralogix.us, cx498.coralogix.com, coralogix.in,"
                + " coralogixsg.com, ap3.coralogix.com"),
        bad(
            "failsWhenTheInfrastructureIntervalIsBelowTenSeconds",
            ACCOUNT + "infrastructure:\n  intervalSeconds: 5\n",
            "x.yaml: line 4: infrastructure.intervalSeconds (5) must be >= 10"),
        bad(
            "failsWhenTheClusterCollectorRequestsMoreMemoryThanItsLimit",
            ACCOUNT
                + "infrastructure:\n  clusterCollector:\n    resources:\n"
                + "      memoryRequest: 1Gi\n",
            "x.yaml: infrastructure.clusterCollector.resources.memoryRequest (1Gi) must be <="
                + " infrastructure.clusterCollector.resources.memoryLimit (512Mi); lower the"
                + " request or raise the limit"));
  }

  private static Arguments bad(String name, String yaml, String... expected) {
    return Arguments.of(name, yaml, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void failsWhenTheFileIsBad(String name, String yaml, List<String> expected) {
    EnvironmentFiles.withDefaults(dir, "x.yaml", yaml);
    assertThat(errors()).containsExactlyElementsOf(expected);
  }

  @Test
  void reportsEveryErrorOfAFileAtOnce() {
    EnvironmentFiles.withDefaults(
        dir,
        "x.yaml",
        ACCOUNT
            + "hpa:\n  minReplicas: 0\n"
            + "queue:\n  pvcSize: 20\n"
            + "traces:\n  samplingPercentage: 101\n"
            + "logs:\n  resources:\n    memoryRequest: 1Gi\n");
    assertThat(errors())
        .containsExactly(
            "x.yaml: line 4: hpa.minReplicas (0) must be >= 1",
            "x.yaml: line 6: queue.pvcSize is not a field of queue; did you mean"
                + " queue.pvcSizeGi?",
            "x.yaml: line 8: traces.samplingPercentage (101) must be <= 100",
            "x.yaml: logs.resources.memoryRequest (1Gi) must be <= logs.resources.memoryLimit"
                + " (512Mi); lower the request or raise the limit");
  }

  @Test
  void reportsTheErrorsOfEveryFile() {
    EnvironmentFiles.withDefaults(dir, "a.yaml", ACCOUNT + "hpa:\n  minReplicas: 0\n");
    EnvironmentFiles.write(dir, "b.yaml", "");
    assertThat(errors())
        .containsExactly(
            "a.yaml: line 4: hpa.minReplicas (0) must be >= 1",
            "b.yaml: the file is empty; state the fields that differ from _defaults.yaml, at"
                + " least cluster.accountId");
  }

  @Test
  void failsWhenTheEnvironmentNameIsNotDnsSafe() {
    EnvironmentFiles.withDefaults(dir, "Prod_EU.yaml", ACCOUNT);
    assertThat(errors())
        .containsExactly(
            "Prod_EU.yaml: the environment name (Prod_EU, from the file name) must be DNS-safe:"
                + " at most 20 lowercase letters, digits and '-', starting and ending with a"
                + " letter or digit; rename the file");
  }

  @Test
  void failsWhenTheEnvironmentNameIsLongerThanTwentyCharacters() {
    EnvironmentFiles.withDefaults(dir, "production-eu-west-1a.yaml", ACCOUNT);
    assertThat(errors())
        .containsExactly(
            "production-eu-west-1a.yaml: the environment name (production-eu-west-1a, from the"
                + " file name) must be DNS-safe: at most 20 lowercase letters, digits and '-',"
                + " starting and ending with a letter or digit; rename the file");
  }

  @Test
  void failsWhenAnEnvironmentFileEndsInYml() {
    EnvironmentFiles.withDefaults(dir, "dev.yaml", ACCOUNT);
    EnvironmentFiles.write(dir, "prod.yml", ACCOUNT);
    assertThat(errors())
        .containsExactly("prod.yml: environment files end in .yaml; rename it to prod.yaml");
  }

  @Test
  void failsWhenAFileIsNotUtf8() throws IOException {
    EnvironmentFiles.withDefaults(dir, "x.yaml", ACCOUNT);
    Files.write(dir.resolve("x.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
    assertThat(errors()).containsExactly("x.yaml: is not UTF-8 text; save it as UTF-8");
  }

  @Test
  void failsWhenTheDefaultsAreMissing() {
    EnvironmentFiles.write(dir, "x.yaml", ACCOUNT);
    assertThat(errors())
        .containsExactly(
            "_defaults.yaml: missing; it holds the shared defaults that every environment is"
                + " merged over");
  }

  @Test
  void blamesTheDefaultsForAFieldTheyLack() {
    EnvironmentFiles.withDefaults(dir, "x.yaml", ACCOUNT);
    EnvironmentFiles.write(
        dir,
        EnvironmentLoader.DEFAULTS,
        EnvironmentFiles.read(EnvironmentLoader.DEFAULTS).replace("  labelLimit: 30\n", ""));
    assertThat(errors())
        .containsExactly(
            "_defaults.yaml: metrics.labelLimit is missing: Most labels accepted on one series.;"
                + " every field except cluster.accountId has its default in _defaults.yaml");
  }

  @Test
  void blamesTheDefaultsOnceForAMistakeTheyHold() {
    EnvironmentFiles.withDefaults(dir, "a.yaml", ACCOUNT);
    EnvironmentFiles.write(dir, "b.yaml", ACCOUNT);
    String defaults = EnvironmentFiles.read(EnvironmentLoader.DEFAULTS);
    EnvironmentFiles.write(
        dir,
        EnvironmentLoader.DEFAULTS,
        defaults.replace("  labelLimit: 30\n", "  labelLimit: thirty\n"));
    int line = (int) defaults.lines().takeWhile(l -> !l.equals("  labelLimit: 30")).count() + 1;
    assertThat(errors())
        .containsExactly(
            "_defaults.yaml: line "
                + line
                + ": metrics.labelLimit (\"thirty\") must be an integer, not a string");
  }

  @Test
  void blamesTheEnvironmentWhenItOverridesTheMistake() {
    EnvironmentFiles.withDefaults(dir, "x.yaml", ACCOUNT + "metrics:\n  labelLimit: 40\n");
    String defaults = EnvironmentFiles.read(EnvironmentLoader.DEFAULTS);
    EnvironmentFiles.write(
        dir,
        EnvironmentLoader.DEFAULTS,
        defaults.replace("  labelLimit: 30\n", "  labelLimit: thirty\n"));
    assertThat(EnvironmentLoader.loadAll(dir))
        .extracting(e -> e.metrics().labelLimit())
        .containsExactly(40);
  }

  @Test
  void neverEchoesAnInlineSecret() {
    EnvironmentFiles.withDefaults(
        dir, "x.yaml", ACCOUNT + "coralogix:\n  privateKey: cxtp_SuperSecretValue\n");
    assertThat(String.join("\n", errors())).doesNotContain("SuperSecretValue");
  }
}

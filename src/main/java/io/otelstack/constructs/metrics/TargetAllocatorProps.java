package io.otelstack.constructs.metrics;

import io.otelstack.ValidationException;
import io.otelstack.collector.ContainerResources;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Maps;
import io.otelstack.internal.Tokens;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Props of a {@link TargetAllocator}. {@code replicas} and {@code allocationStrategy} come from the
 * environment files' {@code targetAllocator:} section, the scrape settings from {@code metrics:}.
 *
 * @param collector the collector the allocator feeds; required
 * @param allowlist metric names kept, as Prometheus regular expressions (anchored), or a Terraform
 *     list token; everything else is dropped at scrape time; required, at least one
 * @param replicas allocator replicas. Default: 2 replicas.
 * @param allocationStrategy how targets are spread over collectors. Default: consistent hashing.
 * @param dropLabels regexes of the high-cardinality label names dropped from every sample
 *     (anchored), in addition to {@code pod_ip} and {@code instance_id}, which are always dropped;
 *     never a {@code __} label, which relabeling needs. Default: none.
 * @param renameLabels labels renamed on every sample, old name to new name. Default: {@code
 *     service} to {@code service_name}.
 * @param tierAnnotation pod annotation choosing a pod's scrape tier. Default: {@code
 *     otel-stack.io/scrape-tier}.
 * @param defaultTier tier of a pod without the annotation, or with an unknown value. Default:
 *     {@code normal}.
 * @param scrapeTiers scrape interval of each tier, by tier name. Default: critical 15 s, normal 60
 *     s, development 300 s.
 * @param sampleLimit most samples one scrape may return; a target over it fails the scrape.
 *     Default: 10000 samples.
 * @param labelLimit most labels one sample may carry; a target over it fails the scrape. Default:
 *     30 labels.
 * @param resources the allocator container's requests and limits. Default: 100m CPU and 128Mi
 *     requested, 500m and 256Mi limit, so a runaway service discovery cannot starve the node.
 */
@RecordBuilder
public record TargetAllocatorProps(
    MetricsTracesStatefulSet collector,
    List<String> allowlist,
    Integer replicas,
    AllocationStrategy allocationStrategy,
    List<String> dropLabels,
    Map<String, String> renameLabels,
    String tierAnnotation,
    String defaultTier,
    Map<String, Duration> scrapeTiers,
    Integer sampleLimit,
    Integer labelLimit,
    ContainerResources resources) {
  /** Default {@link #resources()}. */
  public static final ContainerResources DEFAULT_RESOURCES =
      new ContainerResources("100m", "128Mi", "500m", "256Mi");

  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern TIER = Pattern.compile(Checks.DNS_LABEL);
  private static final Pattern ANNOTATION =
      Pattern.compile(
          "("
              + Checks.DNS_LABEL
              + "(\\."
              + Checks.DNS_LABEL
              + ")*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  /** Requires the collector and an allowlist, applies defaults and checks every value. */
  public TargetAllocatorProps {
    if (collector == null) {
      throw new ValidationException(
          "TargetAllocatorProps.collector is required: pass the MetricsTracesStatefulSet it feeds");
    }
    if (allowlist == null || allowlist.isEmpty()) {
      throw new ValidationException(
          "TargetAllocatorProps.allowlist must name at least one metric regex, e.g. \"up\" or \".*\" for all");
    }
    allowlist = List.copyOf(allowlist);
    for (int i = 0; !Tokens.isToken(allowlist) && i < allowlist.size(); i++) {
      regex("TargetAllocatorProps.allowlist[" + i + "]", allowlist.get(i));
    }
    replicas = replicas == null ? 2 : replicas;
    allocationStrategy =
        allocationStrategy == null ? AllocationStrategy.CONSISTENT_HASHING : allocationStrategy;
    dropLabels = dropLabels == null ? List.of() : List.copyOf(dropLabels);
    renameLabels =
        renameLabels == null ? Map.of("service", "service_name") : Maps.copySorted(renameLabels);
    tierAnnotation = tierAnnotation == null ? "otel-stack.io/scrape-tier" : tierAnnotation;
    defaultTier = defaultTier == null ? "normal" : defaultTier;
    if (scrapeTiers == null) {
      Map<String, Duration> tiers = new LinkedHashMap<>();
      tiers.put("critical", Duration.ofSeconds(15));
      tiers.put("normal", Duration.ofSeconds(60));
      tiers.put("development", Duration.ofSeconds(300));
      scrapeTiers = tiers;
    }
    scrapeTiers = Maps.copySorted(scrapeTiers);
    sampleLimit = sampleLimit == null ? 10000 : sampleLimit;
    labelLimit = labelLimit == null ? 30 : labelLimit;
    resources = resources == null ? DEFAULT_RESOURCES : resources;

    if (replicas < 1) {
      throw new ValidationException(
          "TargetAllocatorProps.replicas (" + replicas + ") must be >= 1");
    }
    if (allocationStrategy == AllocationStrategy.LEAST_WEIGHTED && replicas > 1) {
      throw new ValidationException(
          "TargetAllocatorProps.replicas ("
              + replicas
              + ") must be 1 with allocationStrategy least-weighted, whose replicas would each"
              + " assign targets differently; use consistent-hashing to run more");
    }
    for (int i = 0; i < dropLabels.size(); i++) {
      dropLabel("TargetAllocatorProps.dropLabels[" + i + "]", dropLabels.get(i));
    }
    renameLabels.forEach(
        (from, to) -> {
          label("TargetAllocatorProps.renameLabels", from);
          label("TargetAllocatorProps.renameLabels." + from, to);
        });
    if (!ANNOTATION.matcher(tierAnnotation).matches()) {
      throw new ValidationException(
          "TargetAllocatorProps.tierAnnotation ("
              + tierAnnotation
              + ") must be a Kubernetes annotation key such as otel-stack.io/scrape-tier");
    }
    if (scrapeTiers.isEmpty()) {
      throw new ValidationException(
          "TargetAllocatorProps.scrapeTiers must define at least one tier");
    }
    scrapeTiers.forEach(
        (tier, interval) -> {
          if (!TIER.matcher(tier).matches()) {
            throw new ValidationException(
                "TargetAllocatorProps.scrapeTiers key ("
                    + tier
                    + ") must be a DNS label such as critical");
          }
          if (interval == null
              || interval.compareTo(Duration.ofSeconds(1)) < 0
              || interval.toNanos() % 1_000_000_000L != 0) {
            throw new ValidationException(
                "TargetAllocatorProps.scrapeTiers."
                    + tier
                    + " ("
                    + interval
                    + ") must be whole seconds >= 1s");
          }
        });
    if (!scrapeTiers.containsKey(defaultTier)) {
      throw new ValidationException(
          "TargetAllocatorProps.defaultTier ("
              + defaultTier
              + ") must be one of TargetAllocatorProps.scrapeTiers ("
              + String.join(", ", scrapeTiers.keySet())
              + "); pick one, or add the tier");
    }
    if (sampleLimit < 1) {
      throw new ValidationException(
          "TargetAllocatorProps.sampleLimit (" + sampleLimit + ") must be >= 1");
    }
    if (labelLimit < 1) {
      throw new ValidationException(
          "TargetAllocatorProps.labelLimit (" + labelLimit + ") must be >= 1");
    }
  }

  private static Pattern regex(String prop, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ValidationException(
          prop
              + " ("
              + regex
              + ") is not a valid regex: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
    }
  }

  private static void dropLabel(String prop, String regex) {
    Pattern pattern = regex(prop, regex);
    if (regex.startsWith("__")) {
      throw new ValidationException(
          prop
              + " ("
              + regex
              + ") starts with __; labels starting with __ are Prometheus internals, which"
              + " relabeling needs; name the labels to drop instead");
    }
    if (pattern.matcher("__name__").matches()) {
      throw new ValidationException(
          prop
              + " ("
              + regex
              + ") matches __name__, which holds every metric's name; make the regex match only"
              + " the labels to drop");
    }
  }

  private static void label(String prop, String name) {
    if (name == null || !LABEL.matcher(name).matches()) {
      throw new ValidationException(
          prop + " (" + name + ") must be a Prometheus label name such as pod_ip");
    }
  }

  /** Starts a builder. */
  public static TargetAllocatorPropsBuilder builder() {
    return TargetAllocatorPropsBuilder.builder();
  }
}

package io.otelstack.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every security-scan exemption, wherever it is configured, in the form docs/security.md lists
 * them: a check, the scope it is waived in, what waives it and why. Three places configure them,
 * each the finest checkov 3.3.30 allows for what it scans:
 *
 * <ul>
 *   <li>the skips of {@code .checkov.yaml}, each scoped to one synthesized stack ({@code
 *       CHECK:/<stack>/}): the Terraform JSON runner reads no inline skips, but matches a skip's
 *       path regex against the stack's file;
 *   <li>{@code checkov.io/skip} annotations on a workload, set in its release's values;
 *   <li>{@link #RELEASE_WAIVERS}, which {@link SecurityScanTest} holds against the failures on the
 *       rendered releases: the Kubernetes runner ignores a skip's path regex, and the Target
 *       Allocator's chart puts no annotations on its Deployment.
 * </ul>
 *
 * <p>A scope item is a stack ({@code dev-cluster}), or the workload of one release in every
 * environment's telemetry stack ({@code *-telemetry/Logs}).
 */
final class SecurityExemptions {
  /** What waives a check: a skip in {@code .checkov.yaml}, scoped to a stack. */
  static final String CHECKOV_YAML = "`.checkov.yaml`";

  /** What waives a check: an annotation on the workload itself. */
  static final String ANNOTATION = "`checkov.io/skip` annotation";

  /** What waives a check: {@link SecurityScanTest} expects it to fail on the release's workload. */
  static final String SCAN_TEST = "`SecurityScanTest`";

  /** Each release's workload, as the rendered manifests name its kind. */
  static final Map<String, String> WORKLOADS =
      Map.of(
          "Logs",
          "DaemonSet",
          "MetricsTraces",
          "StatefulSet",
          "TargetAllocator",
          "Deployment",
          "ClusterCollector",
          "StatefulSet");

  /**
   * The checks that fail on release workloads and may: each must fail on exactly the workloads its
   * scope names, in every environment, and nowhere else. The two of issue #14 go once the
   * allocator's securityContext is complete (its post-renderer gives the container one, but no
   * pod-level securityContext and no read-only root file system yet).
   */
  static final List<Exemption> RELEASE_WAIVERS =
      List.of(
          waiver(
              "CKV_K8S_43",
              "Images are pinned by exact version tag (collector.image.tag, never latest); no"
                  + " source trusted to vouch for their digests was reachable, and an unverified"
                  + " digest is no better than the tag.",
              "Logs",
              "MetricsTraces",
              "TargetAllocator",
              "ClusterCollector"),
          waiver(
              "CKV_K8S_15",
              "With tags pinned to releases, Always only makes every pod start depend on the"
                  + " registry; the images are public, so a cached copy reveals nothing.",
              "Logs",
              "MetricsTraces",
              "TargetAllocator",
              "ClusterCollector"),
          waiver(
              "CKV_K8S_38",
              "The logs agent, the gateway and the cluster collector read the Kubernetes API with"
                  + " their tokens: pod metadata (k8s_attributes), the gateway's load-balancing"
                  + " resolver, the cluster's state and events (k8s_cluster, k8s_objects).",
              "Logs",
              "MetricsTraces",
              "ClusterCollector"),
          waiver(
              "CKV_K8S_35",
              "The Coralogix key reaches the collector through a secretKeyRef environment"
                  + " variable: the value is in no manifest, ConfigMap or Terraform output.",
              "Logs",
              "MetricsTraces",
              "ClusterCollector"),
          waiver(
              "CKV_K8S_29",
              "awaits issue #14: the allocator's post-renderer sets a container securityContext"
                  + " but no pod securityContext",
              "TargetAllocator"),
          waiver(
              "CKV_K8S_22",
              "awaits issue #14: the allocator's post-renderer sets no read-only root file system",
              "TargetAllocator"));

  /** docs/security.md marker before the table. */
  static final String BEGIN = "<!-- exemptions:begin -->";

  /** docs/security.md marker after the table. */
  static final String END = "<!-- exemptions:end -->";

  private static final String EVERY_TELEMETRY_STACK = "*-telemetry/";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern SKIP = Pattern.compile("  - (CKV2?_[A-Z0-9]+_[0-9]+):(.+)");
  private static final Pattern STACK_PATH = Pattern.compile("/([a-z0-9-]+)/");
  private static final Pattern ROW = Pattern.compile("\\|(.*)\\|(.*)\\|(.*)\\|(.*)\\|");
  private static final Pattern CHECK_ID = Pattern.compile("CKV2?_[A-Z0-9]+_[0-9]+");
  private static final Pattern SCOPE_ITEM = Pattern.compile("`([^`]+)`");

  private SecurityExemptions() {}

  /** One waived check. */
  record Exemption(String checkId, Set<String> scope, String waivedBy, String reason) {
    Exemption {
      scope = Set.copyOf(scope);
    }

    @Override
    public String toString() {
      return checkId + " in " + new TreeSet<>(scope) + " by " + waivedBy + ": " + reason;
    }
  }

  /** One skip of {@code .checkov.yaml}, as checkov matches it: a regex over file paths. */
  record Skip(String checkId, Pattern path) {
    @Override
    public String toString() {
      return checkId + ":" + path;
    }
  }

  private static Exemption waiver(String checkId, String reason, String... releases) {
    Set<String> scope = new TreeSet<>();
    for (String release : releases) {
      scope.add(EVERY_TELEMETRY_STACK + release);
    }
    return new Exemption(checkId, scope, SCAN_TEST, reason);
  }

  /**
   * The failures {@link #RELEASE_WAIVERS} expect on the rendered releases of these telemetry
   * stacks, each as {@link #failureKey}.
   */
  static Set<String> expectedReleaseFailures(Set<String> telemetryStacks) {
    Set<String> out = new TreeSet<>();
    for (Exemption w : RELEASE_WAIVERS) {
      for (String item : w.scope()) {
        String release = item.substring(EVERY_TELEMETRY_STACK.length());
        for (String stack : telemetryStacks) {
          out.add(failureKey(w.checkId(), stack, release, WORKLOADS.get(release)));
        }
      }
    }
    return out;
  }

  /**
   * A failed check on a release's rendered object, e.g. {@code CKV_K8S_15 prod-telemetry/Logs
   * DaemonSet}.
   */
  static String failureKey(String checkId, String stack, String release, String kind) {
    return checkId + " " + stack + "/" + release + " " + kind;
  }

  /**
   * Everything configured: the skips of {@code .checkov.yaml}, the skip annotations in the
   * releases' values of the synthesized telemetry stacks (read from their snapshots, which a test
   * holds equal to synth), and {@link #RELEASE_WAIVERS}.
   */
  static List<Exemption> configured(String checkovYaml, Map<String, JsonNode> telemetryStacks) {
    List<Exemption> all = new ArrayList<>(fromCheckovYaml(checkovYaml));
    all.addAll(fromAnnotations(telemetryStacks));
    all.addAll(RELEASE_WAIVERS);
    return all;
  }

  /**
   * The skips of {@code .checkov.yaml}, one exemption per check: its scope is every stack its skips
   * name, its reason the comment above them. Throws where a skip names no single stack, where a
   * check's skips are not together under their comment, or where reading the lines disagrees with
   * reading the YAML.
   */
  static List<Exemption> fromCheckovYaml(String checkovYaml) {
    Map<String, Exemption> byCheck = new LinkedHashMap<>();
    List<String> entries = new ArrayList<>();
    String reason = null;
    boolean inComment = false;
    String lastCheck = null;
    boolean inSkips = false;
    for (String line : checkovYaml.split("\n")) {
      if (!inSkips) {
        inSkips = line.equals("skip-check:");
        continue;
      }
      if (line.startsWith("  #")) {
        String text = line.substring(3).strip();
        reason = inComment ? reason + " " + text : text;
        inComment = true;
        continue;
      }
      inComment = false;
      Matcher skip = SKIP.matcher(line);
      if (!skip.matches()) {
        throw new AssertionError(".checkov.yaml: not a skip scoped to a stack: " + line);
      }
      String id = skip.group(1);
      entries.add(id + ":" + skip.group(2));
      Exemption before = byCheck.get(id);
      if (before != null && !id.equals(lastCheck)) {
        throw new AssertionError(".checkov.yaml: the skips of " + id + " are not together");
      }
      if (reason == null) {
        throw new AssertionError(".checkov.yaml: " + id + " has no reason above it");
      }
      Matcher stack = STACK_PATH.matcher(skip.group(2));
      if (!stack.matches()) {
        throw new AssertionError(
            ".checkov.yaml: "
                + line.strip()
                + " names no single stack; a skip is CHECK:/<stack>/ (checkov's Kubernetes runner"
                + " ignores a skip's path, so waivers on releases are SecurityExemptions'"
                + " RELEASE_WAIVERS)");
      }
      Set<String> scope = new TreeSet<>(before == null ? Set.of() : before.scope());
      scope.add(stack.group(1));
      byCheck.put(id, new Exemption(id, scope, CHECKOV_YAML, reason));
      lastCheck = id;
    }
    if (!skips(checkovYaml).stream().map(Skip::toString).toList().equals(entries)) {
      throw new AssertionError(
          ".checkov.yaml: read line by line " + entries + ", but as YAML " + skips(checkovYaml));
    }
    return List.copyOf(byCheck.values());
  }

  /** The skips of {@code .checkov.yaml}, as checkov matches them. */
  static List<Skip> skips(String checkovYaml) {
    List<Skip> out = new ArrayList<>();
    try {
      for (JsonNode entry : YAML.readTree(checkovYaml).path("skip-check")) {
        String[] idAndPath = entry.asText().split(":", 2);
        out.add(new Skip(idAndPath[0], Pattern.compile(idAndPath[1])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The {@code checkov.io/skip} annotations in the values of every release, by stack name: one
   * exemption per check and reason, scoped to {@code *-telemetry/<Release>} where every stack's
   * release has it, else to each {@code <stack>/<Release>} that does.
   */
  static List<Exemption> fromAnnotations(Map<String, JsonNode> telemetryStacks) {
    Map<String, Set<String>> releasesByAnnotation = new TreeMap<>();
    telemetryStacks.forEach(
        (stack, synthesized) ->
            synthesized
                .path("resource")
                .path("helm_release")
                .fields()
                .forEachRemaining(
                    release -> {
                      String name = release.getKey().substring(0, release.getKey().indexOf('_'));
                      annotations(release.getValue())
                          .forEach(
                              (key, value) -> {
                                if (key.startsWith("checkov.io/skip")) {
                                  releasesByAnnotation
                                      .computeIfAbsent(value, k -> new TreeSet<>())
                                      .add(stack + "/" + name);
                                }
                              });
                    }));
    List<Exemption> out = new ArrayList<>();
    releasesByAnnotation.forEach(
        (annotation, releases) -> {
          String[] idAndReason = annotation.split("=", 2);
          Set<String> scope = new TreeSet<>();
          for (String release : releases) {
            String name = release.substring(release.indexOf('/') + 1);
            boolean everywhere =
                telemetryStacks.keySet().stream()
                    .allMatch(stack -> releases.contains(stack + "/" + name));
            scope.add(everywhere ? EVERY_TELEMETRY_STACK + name : release);
          }
          out.add(
              new Exemption(
                  idAndReason[0], scope, ANNOTATION, idAndReason.length > 1 ? idAndReason[1] : ""));
        });
    return out;
  }

  private static Map<String, String> annotations(JsonNode helmRelease) {
    Map<String, String> out = new TreeMap<>();
    try {
      YAML.readTree(helmRelease.path("values").get(0).asText())
          .path("annotations")
          .fields()
          .forEachRemaining(a -> out.put(a.getKey(), a.getValue().asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The list in docs/security.md: each row between {@link #BEGIN} and {@link #END} names its checks
   * in the first cell, its scope as code spans in the second, what waives them in the third and the
   * reason in the fourth.
   */
  static List<Exemption> listedIn(String readme) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new AssertionError("docs/security.md has no " + BEGIN + " ... " + END + " table");
    }
    List<Exemption> out = new ArrayList<>();
    for (String line : readme.substring(begin + BEGIN.length(), end).strip().split("\n")) {
      Matcher row = ROW.matcher(line);
      if (!row.matches() || line.startsWith("| check ") || line.startsWith("| ---")) {
        continue;
      }
      Set<String> scope = new TreeSet<>();
      Matcher item = SCOPE_ITEM.matcher(row.group(2));
      while (item.find()) {
        scope.add(item.group(1));
      }
      Matcher id = CHECK_ID.matcher(row.group(1));
      while (id.find()) {
        out.add(new Exemption(id.group(), scope, row.group(3).strip(), row.group(4).strip()));
      }
    }
    return out;
  }

  /**
   * How the list in docs/security.md differs from the configuration, check by check; empty when
   * equal.
   */
  static List<String> differences(List<Exemption> readme, List<Exemption> configured) {
    Map<String, Exemption> listed = byCheck(readme, "docs/security.md");
    Map<String, Exemption> actual = byCheck(configured, "the configuration");
    List<String> out = new ArrayList<>();
    Set<String> ids = new TreeSet<>(listed.keySet());
    ids.addAll(actual.keySet());
    for (String id : ids) {
      Exemption l = listed.get(id);
      Exemption a = actual.get(id);
      if (l == null) {
        out.add(id + ": configured (" + a + "), but docs/security.md does not list it");
      } else if (a == null) {
        out.add(id + ": docs/security.md lists it (" + l + "), but nothing configures it");
      } else {
        if (!l.scope().equals(a.scope())) {
          out.add(
              id
                  + ": docs/security.md scope "
                  + new TreeSet<>(l.scope())
                  + ", configured "
                  + new TreeSet<>(a.scope()));
        }
        if (!l.waivedBy().equals(a.waivedBy())) {
          out.add(
              id + ": docs/security.md says waived by " + l.waivedBy() + ", it is " + a.waivedBy());
        }
        if (!l.reason().equals(a.reason())) {
          out.add(
              id
                  + ": docs/security.md reason \""
                  + l.reason()
                  + "\", configured \""
                  + a.reason()
                  + "\"");
        }
      }
    }
    return out;
  }

  private static Map<String, Exemption> byCheck(List<Exemption> list, String where) {
    Map<String, Exemption> out = new TreeMap<>();
    for (Exemption e : list) {
      if (out.put(e.checkId(), e) != null) {
        throw new AssertionError(where + " waives " + e.checkId() + " in more than one place");
      }
    }
    return out;
  }
}

package io.otelstack.proof;

import io.otelstack.collector.KubeletStatsReceiver;
import io.otelstack.internal.HelmValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented local overlay: turns a generated (effective) collector configuration into one that
 * runs on a single machine, changing only what cannot exist outside Kubernetes.
 *
 * <ul>
 *   <li>coralogix exporters send every signal to the local sink ({@code traces}, {@code metrics},
 *       {@code logs} endpoint blocks with {@code tls.insecure}), which the exporter prefers over
 *       {@code domain};
 *   <li>the loadbalancing exporter's Kubernetes resolver becomes a static resolver over the local
 *       replicas' sampling ports;
 *   <li>a Target Allocator-fed prometheus receiver gets the TA's scrape configurations inline, with
 *       {@code kubernetes_sd_configs} replaced by a static target (relabel and metric relabel rules
 *       kept, {@code $} escaped as the collector's config expansion requires);
 *   <li>listen addresses (receivers, health_check, the collector's own metrics and its self-scrape)
 *       move to 127.0.0.1 ports of this replica;
 *   <li>file_storage directories move to a temporary directory; filelog include/exclude globs under
 *       {@code /var/log/pods} move to the temporary pod log directory;
 *   <li>k8sattributes is removed from the pipelines (there is no API server to ask);
 *   <li>{@code kubelet_stats} reads this replica's port for kubelet port 10250 over plain HTTP
 *       without authentication (no service-account token outside a pod), where a scenario may start
 *       {@link KubeletSummaryStandIn}; {@code host_metrics} reads this machine's {@code /}, not the
 *       pod's {@code /hostfs} mount.
 * </ul>
 *
 * <p>Processors, pipelines, queues, retries and sampling stay exactly as generated; {@code
 * LocalOverlayTest} checks that. The function is pure: same inputs, same output.
 */
final class LocalOverlay {
  private static final Pattern LISTEN =
      Pattern.compile(
          "^(\\$\\{env:MY_POD_IP}|0\\.0\\.0\\.0|localhost|127\\.0\\.0\\.1|\\[::]|):(\\d+)$");
  private static final String POD_LOGS = "/var/log/pods";

  private LocalOverlay() {}

  /** The configuration to run locally; the input is not modified. */
  static Map<String, Object> apply(Map<String, Object> effective, LocalSite site) {
    Map<String, Object> config = HelmValues.merge(effective, Map.of());
    section(config, "exporters").forEach((id, body) -> exporter(type(id), map(body), site));
    section(config, "receivers").forEach((id, body) -> receiver(type(id), map(body), site));
    section(config, "extensions").forEach((id, body) -> extension(type(id), map(body), site));
    removeK8sAttributes(config);
    telemetry(map(config.get("service")), site);
    return config;
  }

  /**
   * The same configuration with every sending queue in memory: the baseline the throughput
   * benchmark compares the persistent queue against. Nothing else changes.
   */
  static Map<String, Object> inMemoryQueues(Map<String, Object> config) {
    Map<String, Object> copy = HelmValues.merge(config, Map.of());
    section(copy, "exporters")
        .values()
        .forEach(
            body -> {
              Object queue = map(body).get("sending_queue");
              if (queue instanceof Map<?, ?> q) {
                map(q).remove("storage");
              }
            });
    return copy;
  }

  /** Whether a component ID names k8sattributes under its old or its new type name. */
  static boolean isK8sAttributes(String id) {
    String type = type(id);
    return type.equals("k8sattributes") || type.equals("k8s_attributes");
  }

  private static void exporter(String type, Map<String, Object> body, LocalSite site) {
    switch (type) {
      case "coralogix" -> {
        for (String signal : List.of("traces", "metrics", "logs")) {
          Map<String, Object> block =
              body.get(signal) instanceof Map<?, ?> m ? map(m) : new LinkedHashMap<>();
          block.put("endpoint", site.sinkEndpoint());
          block.put("tls", Map.of("insecure", true));
          body.put(signal, block);
        }
      }
      case "loadbalancing", "load_balancing" -> {
        int podPort = resolverPort(map(body.getOrDefault("resolver", Map.of())));
        List<String> peers = site.samplingPeers().stream().map(p -> p.endpoint(podPort)).toList();
        body.put("resolver", Map.of("static", Map.of("hostnames", peers)));
      }
      default -> {
        // Other exporters need nothing local.
      }
    }
  }

  /** The sampling port the resolver sends to: its {@code ports} list or port, else OTLP 4317. */
  private static int resolverPort(Map<String, Object> resolver) {
    for (Object r : resolver.values()) {
      Map<String, Object> settings = map(r);
      if (settings.get("ports") instanceof List<?> ports && !ports.isEmpty()) {
        return Integer.parseInt(ports.get(0).toString());
      }
      if (settings.get("port") != null) {
        return Integer.parseInt(settings.get("port").toString());
      }
    }
    return 4317;
  }

  private static void receiver(String type, Map<String, Object> body, LocalSite site) {
    rewriteListen(body, site.ports());
    if (type.equals("prometheus")) {
      prometheus(body, site);
    }
    if (type.equals("kubelet_stats")) {
      body.put("auth_type", "none");
      body.put("endpoint", site.ports().endpoint(KubeletStatsReceiver.KUBELET_PORT));
      body.remove("insecure_skip_verify");
    }
    if (type.equals("host_metrics")) {
      body.remove("root_path");
    }
    if (type.equals("filelog") || type.equals("file_log")) {
      for (String key : List.of("include", "exclude")) {
        if (body.get(key) instanceof List<?> globs) {
          body.put(key, globs.stream().map(g -> podLogs(g.toString(), site)).toList());
        }
      }
    }
  }

  private static String podLogs(String glob, LocalSite site) {
    return glob.startsWith(POD_LOGS) ? site.podLogDir() + glob.substring(POD_LOGS.length()) : glob;
  }

  private static void prometheus(Map<String, Object> body, LocalSite site) {
    Map<String, Object> promConfig =
        body.get("config") instanceof Map<?, ?> m ? map(m) : new LinkedHashMap<>();
    if (body.remove("target_allocator") != null) {
      List<Object> jobs = new ArrayList<>();
      for (Map<String, Object> job : site.scrape().scrapeConfigs()) {
        Map<String, Object> local = HelmValues.merge(job, Map.of());
        local.remove("kubernetes_sd_configs");
        local.put(
            "static_configs",
            List.of(
                Map.of(
                    "targets", List.of(site.scrape().address()),
                    "labels", site.scrape().podLabels())));
        jobs.add(escapeDollars(local));
      }
      promConfig.put("scrape_configs", jobs);
    }
    if (promConfig.get("scrape_configs") instanceof List<?> jobs) {
      for (Object job : jobs) {
        if (map(job).get("static_configs") instanceof List<?> statics) {
          for (Object s : statics) {
            Map<String, Object> sc = map(s);
            if (sc.get("targets") instanceof List<?> targets) {
              sc.put(
                  "targets",
                  targets.stream().map(t -> listen(t.toString(), site.ports())).toList());
            }
          }
        }
      }
    }
    body.put("config", promConfig);
  }

  /**
   * Prometheus {@code $1} must reach the receiver as {@code $1}: the collector reads {@code $$}.
   */
  private static Object escapeDollars(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      map(m).forEach((k, x) -> out.put(k, escapeDollars(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(LocalOverlay::escapeDollars).toList();
    }
    return v instanceof String s ? s.replace("$", "$$") : v;
  }

  private static void extension(String type, Map<String, Object> body, LocalSite site) {
    rewriteListen(body, site.ports());
    if (type.equals("file_storage")) {
      String dir = site.storageDir().resolve(dirName(body)).toString();
      body.put("directory", dir);
      if (body.get("compaction") instanceof Map<?, ?> c) {
        map(c).put("directory", dir);
      }
    }
  }

  /** The last path element of the generated directory: distinct storages stay distinct. */
  private static String dirName(Map<String, Object> body) {
    String dir = String.valueOf(body.getOrDefault("directory", "storage"));
    return dir.substring(dir.lastIndexOf('/') + 1);
  }

  private static void removeK8sAttributes(Map<String, Object> config) {
    section(config, "processors").keySet().removeIf(LocalOverlay::isK8sAttributes);
    Map<String, Object> service = map(config.get("service"));
    map(service.get("pipelines"))
        .values()
        .forEach(
            p -> {
              Map<String, Object> pipeline = map(p);
              if (pipeline.get("processors") instanceof List<?> procs) {
                pipeline.put(
                    "processors",
                    procs.stream().filter(id -> !isK8sAttributes(id.toString())).toList());
              }
            });
  }

  /**
   * The collector's own metrics reader moves to this replica's port for pod port 8888. Where the
   * configuration has none, the collector's built-in default (a Prometheus reader on port 8888) is
   * written out, so that two local replicas do not both bind 8888.
   */
  private static void telemetry(Map<String, Object> service, LocalSite site) {
    Map<String, Object> telemetry = child(service, "telemetry");
    Map<String, Object> metrics = child(telemetry, "metrics");
    if (!(metrics.get("readers") instanceof List<?>)) {
      Map<String, Object> prom = new LinkedHashMap<>();
      prom.put("port", 8888);
      metrics.put(
          "readers", List.of(Map.of("pull", Map.of("exporter", Map.of("prometheus", prom)))));
    }
    for (Object reader : (List<?>) metrics.get("readers")) {
      Object pull = map(reader).get("pull");
      if (pull instanceof Map<?, ?> p
          && map(p).get("exporter") instanceof Map<?, ?> e
          && map(e).get("prometheus") instanceof Map<?, ?> prom) {
        Map<String, Object> promMap = map(prom);
        int podPort = Integer.parseInt(String.valueOf(promMap.getOrDefault("port", 8888)));
        promMap.put("host", Loopback.HOST);
        promMap.put("port", site.ports().local(podPort));
      }
    }
  }

  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    if (!(parent.get(key) instanceof Map<?, ?>)) {
      parent.put(key, new LinkedHashMap<String, Object>());
    }
    return map(parent.get(key));
  }

  /** Moves every {@code endpoint: <pod address>:<port>} below a component to this replica. */
  private static void rewriteListen(Map<String, Object> body, PortMap ports) {
    for (Map.Entry<String, Object> e : body.entrySet()) {
      if (e.getKey().equals("endpoint") && e.getValue() instanceof String s) {
        e.setValue(listen(s, ports));
      } else if (e.getValue() instanceof Map<?, ?> m) {
        rewriteListen(map(m), ports);
      }
    }
  }

  private static String listen(String address, PortMap ports) {
    Matcher m = LISTEN.matcher(address);
    return m.matches() ? ports.endpoint(Integer.parseInt(m.group(2))) : address;
  }

  private static Map<String, Object> section(Map<String, Object> config, String name) {
    return config.get(name) instanceof Map<?, ?> m ? map(m) : new LinkedHashMap<>();
  }

  private static String type(String id) {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}

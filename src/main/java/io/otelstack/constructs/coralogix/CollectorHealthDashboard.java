package io.otelstack.constructs.coralogix;

import imports.coralogix.dashboard.Dashboard;
import imports.coralogix.dashboard.DashboardLayout;
import imports.coralogix.dashboard.DashboardLayoutSections;
import imports.coralogix.dashboard.DashboardLayoutSectionsOptions;
import imports.coralogix.dashboard.DashboardLayoutSectionsRows;
import imports.coralogix.dashboard.DashboardLayoutSectionsRowsWidgets;
import imports.coralogix.dashboard.DashboardLayoutSectionsRowsWidgetsDefinition;
import imports.coralogix.dashboard.DashboardLayoutSectionsRowsWidgetsDefinitionLineChart;
import imports.coralogix.dashboard.DashboardLayoutSectionsRowsWidgetsDefinitionLineChartQueryDefinitions;
import imports.coralogix.dashboard.DashboardLayoutSectionsRowsWidgetsDefinitionLineChartQueryDefinitionsQuery;
import imports.coralogix.dashboard.DashboardLayoutSectionsRowsWidgetsDefinitionLineChartQueryDefinitionsQueryMetrics;
import io.otelstack.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The collector-health dashboard ({@code coralogix_dashboard}): queue fill per replica, send rate
 * and failures, refused data, memory and the memory limiter's refusals, and scrape targets per
 * collector, all from the collectors' own metrics and read with the same queries as {@link
 * CollectorHealthAlerts}.
 *
 * <p>Child: {@code Resource} (the dashboard).
 */
public final class CollectorHealthDashboard extends Construct {
  private static final int ROW_HEIGHT = 19;
  private static final int RATE_MINUTES = 5;

  private final Map<String, List<String>> widgets = new LinkedHashMap<>();

  /** Creates the dashboard. */
  public CollectorHealthDashboard(Construct scope, String id, CollectorHealthDashboardProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (CollectorHealthDashboardProps) is required");
    }
    String selector = Labels.environment(props.applicationName());
    List<String> byPodExporter = List.of(Labels.COLLECTOR, Labels.POD, "exporter");
    List<String> byExporter = List.of(Labels.COLLECTOR, "exporter");
    List<String> byPod = List.of(Labels.COLLECTOR, Labels.POD);
    widgets.put(
        "Queue fill per replica (%)",
        List.of(SelfMetricQueries.queueFillPercent(selector, byPodExporter)));
    widgets.put(
        "Sent items per second",
        List.of(
            SelfMetricQueries.itemRate(
                "otelcol_exporter_sent", selector, byExporter, RATE_MINUTES)));
    widgets.put(
        "Send failures per second",
        List.of(
            SelfMetricQueries.itemRate(
                "otelcol_exporter_send_failed", selector, byExporter, RATE_MINUTES)));
    widgets.put(
        "Enqueue failures (dropped) per second",
        List.of(
            SelfMetricQueries.itemRate(
                "otelcol_exporter_enqueue_failed", selector, byExporter, RATE_MINUTES)));
    widgets.put(
        "Refused by receivers per second",
        List.of(
            SelfMetricQueries.itemRate(
                "otelcol_receiver_refused",
                selector,
                List.of(Labels.COLLECTOR, "receiver"),
                RATE_MINUTES)));
    widgets.put(
        "Refused by the memory limiter per second",
        List.of(
            SelfMetricQueries.itemRate(
                "otelcol_processor_memory_limiter_refused",
                selector,
                List.of(Labels.COLLECTOR, Labels.POD),
                RATE_MINUTES)));
    List<String> memory = new ArrayList<>();
    memory.add(
        "max by (" + String.join(", ", byPod) + ") (otelcol_process_memory_rss{" + selector + "})");
    // The container limit of each collector as a flat line named like its replicas' series.
    props
        .memoryLimitsBytes()
        .forEach(
            (collector, bytes) ->
                memory.add(
                    "label_replace(vector("
                        + bytes
                        + "), \""
                        + Labels.COLLECTOR
                        + "\", \""
                        + collector
                        + " limit\", \"\", \"\")"));
    widgets.put("Memory per replica (RSS) against the container limit, bytes", memory);
    widgets.put(
        "Scrape targets per collector",
        List.of(
            "max by (collector_name) (opentelemetry_allocator_targets_per_collector{"
                + selector
                + "})"));

    Dashboard.Builder.create(this, "Resource")
        .name("otel-stack " + props.environment() + ": collector health")
        .description(
            "The OpenTelemetry collectors of "
                + props.environment()
                + " watching themselves: queues, sends, refusals, memory and scrape targets.")
        .layout(
            DashboardLayout.builder()
                .sections(
                    List.of(
                        DashboardLayoutSections.builder()
                            .options(
                                DashboardLayoutSectionsOptions.builder()
                                    .name("Collector health")
                                    .build())
                            .rows(
                                widgets.entrySet().stream()
                                    .map(w -> row(w.getKey(), w.getValue()))
                                    .toList())
                            .build()))
                .build())
        .build();
  }

  private static DashboardLayoutSectionsRows row(String title, List<String> queries) {
    return DashboardLayoutSectionsRows.builder()
        .height(ROW_HEIGHT)
        .widgets(
            List.of(
                DashboardLayoutSectionsRowsWidgets.builder()
                    .title(title)
                    .definition(
                        DashboardLayoutSectionsRowsWidgetsDefinition.builder()
                            .lineChart(
                                DashboardLayoutSectionsRowsWidgetsDefinitionLineChart.builder()
                                    .queryDefinitions(
                                        queries.stream()
                                            .map(CollectorHealthDashboard::query)
                                            .toList())
                                    .build())
                            .build())
                    .build()))
        .build();
  }

  private static DashboardLayoutSectionsRowsWidgetsDefinitionLineChartQueryDefinitions query(
      String promql) {
    return DashboardLayoutSectionsRowsWidgetsDefinitionLineChartQueryDefinitions.builder()
        .query(
            DashboardLayoutSectionsRowsWidgetsDefinitionLineChartQueryDefinitionsQuery.builder()
                .metrics(
                    DashboardLayoutSectionsRowsWidgetsDefinitionLineChartQueryDefinitionsQueryMetrics
                        .builder()
                        .promqlQuery(promql)
                        .build())
                .build())
        .build();
  }

  /** The widgets' titles and their PromQL queries, in order. */
  public Map<String, List<String>> widgets() {
    return java.util.Collections.unmodifiableMap(widgets);
  }
}

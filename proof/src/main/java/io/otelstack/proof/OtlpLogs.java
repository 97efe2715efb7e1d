package io.otelstack.proof;

import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario: OTLP logs from the OpenTelemetry Java SDK to a gateway replica, through its {@code
 * logs} pipeline and {@code coralogix/logs} exporter, to the sink, as generated.
 *
 * <p>Two services send: {@code checkout}, whose resource names its namespace and Deployment (as the
 * {@code k8s_attributes} processor would, which the local overlay leaves out for want of an API
 * server), and {@code batch-report}, whose resource names neither. The exporter must map the first
 * to application {@code shop} and subsystem {@code checkout-api}, and the second to the
 * environment's application with subsystem {@code batch-report}.
 */
final class OtlpLogs {
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final Duration DELIVERY = Duration.ofMinutes(2);

  /** The resource of the service whose namespace and workload are known. */
  static final Resource CHECKOUT =
      Resource.builder()
          .put("service.name", "checkout")
          .put("k8s.namespace.name", "shop")
          .put("k8s.deployment.name", "checkout-api")
          .put("k8s.pod.name", "checkout-api-7d9f-x2")
          .build();

  /** The resource of a service that names only itself. */
  static final Resource BATCH = Resource.builder().put("service.name", "batch-report").build();

  private OtlpLogs() {}

  /**
   * The scenario's figures.
   *
   * @param sent records the gateway acknowledged
   * @param delivered distinct records at the sink
   * @param duplicates extra copies at the sink
   * @param resources the resource attributes each service's records arrived with, by service name
   *     (the same for every record of a service, else the test sees the last)
   */
  record Figures(
      int sent, int delivered, int duplicates, Map<String, Map<String, String>> resources) {}

  /** Sends {@code perService} records from each of the two services. */
  static Figures run(GeneratedStack stack, int perService) {
    Path work = LocalCollectors.tempDir("otlp-logs");
    try (OtlpSink sink = new OtlpSink().start();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts = LocalCollectors.statefulSet(stack, 1, work, sink, app)) {
      sts.start(0);
      List<LogRecordData> records = new ArrayList<>(records(CHECKOUT, "c", perService));
      records.addAll(records(BATCH, "b", perService));
      OtlpGrpcLogRecordExporter exporter =
          OtlpGrpcLogRecordExporter.builder()
              .setEndpoint("http://" + sts.otlpEndpoint(0))
              .setTimeout(Duration.ofSeconds(10))
              .build();
      int sent = 0;
      try {
        for (int from = 0; from < records.size(); from += 200) {
          List<LogRecordData> batch = records.subList(from, Math.min(records.size(), from + 200));
          if (exporter.export(batch).join(30, TimeUnit.SECONDS).isSuccess()) {
            sent += batch.size();
          }
        }
      } finally {
        exporter.shutdown().join(10, TimeUnit.SECONDS);
      }
      Await.settle(SETTLE, DELIVERY, () -> sink.logs().size());

      Map<String, Integer> arrivals = new HashMap<>();
      Map<String, Map<String, String>> resources = new HashMap<>();
      for (OtlpSink.ReceivedLog l : sink.logs()) {
        arrivals.merge(l.body(), 1, Integer::sum);
        resources.put(l.resource().get("service.name"), l.resource());
      }
      int duplicates = arrivals.values().stream().mapToInt(n -> n - 1).sum();
      return new Figures(sent, arrivals.size(), duplicates, resources);
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  /** {@code count} records of one service, each body unique. */
  private static List<LogRecordData> records(Resource resource, String prefix, int count) {
    List<LogRecordData> out = new ArrayList<>();
    LogRecordProcessor collect =
        new LogRecordProcessor() {
          @Override
          public void onEmit(Context context, ReadWriteLogRecord record) {
            out.add(record.toLogRecordData());
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(Resource.getDefault().merge(resource))
            .addLogRecordProcessor(collect)
            .build()) {
      var logger = provider.get("otel-stack-proof");
      for (int i = 0; i < count; i++) {
        logger
            .logRecordBuilder()
            .setSeverity(Severity.INFO)
            .setBody("order " + prefix + i + " placed")
            .emit();
      }
    }
    return out;
  }
}

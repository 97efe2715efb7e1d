package io.otelstack.testing.kube;

import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Kubernetes v1.36.3 control plane on loopback: etcd, kube-apiserver (every default
 * admission plugin, Pod Security included; RBAC), kube-controller-manager and kube-scheduler, built
 * by {@code tools/kube-control-plane/build.sh} (or taken from {@code KUBEBUILDER_ASSETS}).
 *
 * <p>Certificates come from {@code openssl}; clients authenticate with a static token in {@code
 * system:masters}; the controllers use their own service-account credentials, so their RBAC is the
 * real one. The processes are stopped by PID on {@link #close()} and on JVM exit.
 *
 * <p>No kubelet can run here, so {@link KubeletStandIn} and {@link EbsCsiStandIn} stand in for the
 * kubelet and the EBS CSI driver while the plane runs; nothing else is stood in for.
 */
public final class KubeControlPlane implements AutoCloseable {
  /**
   * The JUnit resource lock of the test classes that start a control plane ({@code ResourceLock}):
   * with test classes in parallel, no two planes compete for the cores.
   */
  public static final String LOCK = "kube-control-plane";

  /** The node lifecycle controller's grace period: the kubelet stand-in sends no heartbeats. */
  private static final String NODE_MONITOR_GRACE_PERIOD = "2h";

  private final Path dir;
  private final Path binaries;
  private final List<Process> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stopProcesses);
  private final KubeApi api;
  private final KubeletStandIn kubelet;
  private final EbsCsiStandIn ebsCsi;

  private KubeControlPlane(Path binaries, Path dir) {
    this.binaries = binaries;
    this.dir = dir;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      String token = UUID.randomUUID().toString();
      certificates();
      Files.writeString(
          dir.resolve("tokens.csv"), token + ",otel-stack-test-admin,admin,system:masters\n");
      int etcdPort = freePort();
      int apiPort = freePort();
      int peerPort = freePort();
      start(
          "etcd",
          "--data-dir=" + dir.resolve("etcd"),
          "--listen-client-urls=http://127.0.0.1:" + etcdPort,
          "--advertise-client-urls=http://127.0.0.1:" + etcdPort,
          "--listen-peer-urls=http://127.0.0.1:" + peerPort,
          "--initial-advertise-peer-urls=http://127.0.0.1:" + peerPort,
          "--initial-cluster=default=http://127.0.0.1:" + peerPort,
          // A throwaway test store: fsync only costs time on a shared disk.
          "--unsafe-no-fsync=true");
      start(
          "kube-apiserver",
          "--etcd-servers=http://127.0.0.1:" + etcdPort,
          "--bind-address=127.0.0.1",
          "--advertise-address=127.0.0.1",
          "--secure-port=" + apiPort,
          "--cert-dir=" + dir.resolve("apiserver-certs"),
          "--tls-cert-file=" + dir.resolve("apiserver.crt"),
          "--tls-private-key-file=" + dir.resolve("apiserver.key"),
          "--client-ca-file=" + dir.resolve("ca.crt"),
          "--token-auth-file=" + dir.resolve("tokens.csv"),
          "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
          "--service-account-key-file=" + dir.resolve("sa.pub"),
          "--service-account-signing-key-file=" + dir.resolve("sa.key"),
          "--service-cluster-ip-range=10.96.0.0/16",
          "--authorization-mode=Node,RBAC",
          // As on EKS: the logs agents' namespace admits privileged pods; Pod Security decides.
          "--allow-privileged=true");
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, kubeconfig(apiPort, token));
      this.api = new KubeApi("https://127.0.0.1:" + apiPort, token, dir.resolve("ca.crt"));
      api.awaitReady(Duration.ofMinutes(2), this::diagnostics);
      start(
          "kube-controller-manager",
          "--kubeconfig=" + kubeconfig,
          "--secure-port=0",
          "--leader-elect=false",
          "--use-service-account-credentials=true",
          "--service-account-private-key-file=" + dir.resolve("sa.key"),
          "--root-ca-file=" + dir.resolve("ca.crt"),
          "--cluster-signing-cert-file=" + dir.resolve("ca.crt"),
          "--cluster-signing-key-file=" + dir.resolve("ca.key"),
          "--node-monitor-grace-period=" + NODE_MONITOR_GRACE_PERIOD);
      start(
          "kube-scheduler",
          "--kubeconfig=" + kubeconfig,
          "--secure-port=0",
          "--leader-elect=false");
      // The controllers are up once the service-account controller has created a default account
      // and the root CA publisher its ConfigMap: both needed before any pod is admitted.
      awaitControllers();
      this.kubelet = new KubeletStandIn(api);
      this.ebsCsi = new EbsCsiStandIn(api);
    } catch (IOException e) {
      stopProcesses();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      stopProcesses();
      throw e;
    }
  }

  /**
   * Builds (once per machine) or finds the binaries and starts a control plane in a fresh
   * directory. Skips outside CI, fails under CI, when Go is missing and no {@code
   * KUBEBUILDER_ASSETS} is given.
   */
  public static KubeControlPlane start() {
    if (System.getenv("KUBEBUILDER_ASSETS") == null) {
      ExternalTools.requireGo("building the Kubernetes control plane needs Go");
    }
    ExternalTools.Result build =
        ExternalTools.run(
            ExternalTools.projectDir(),
            Map.of(),
            60,
            ExternalTools.projectDir().resolve("tools/kube-control-plane/build.sh").toString());
    if (build.exitCode() != 0) {
      throw new AssertionError("kube-control-plane build failed:\n" + build.output());
    }
    try {
      return new KubeControlPlane(
          Path.of(build.stdout().trim()), Files.createTempDirectory("otel-stack-kube"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API client, authenticated as a cluster admin. */
  public KubeApi api() {
    return api;
  }

  /** A kubeconfig for a cluster admin, as Terraform's providers and kubectl read it. */
  public Path kubeconfig() {
    return dir.resolve("kubeconfig");
  }

  /** Runs kubectl as the cluster admin; fails on a non-zero exit. */
  public String kubectl(String... args) {
    ExternalTools.Result r = kubectlResult(args);
    if (r.exitCode() != 0) {
      throw new AssertionError("kubectl " + String.join(" ", args) + " failed:\n" + r.output());
    }
    return r.stdout();
  }

  /** Runs kubectl as the cluster admin and returns the outcome, whatever the exit code. */
  public ExternalTools.Result kubectlResult(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binaries.resolve("kubectl").toString());
    cmd.add("--kubeconfig=" + kubeconfig());
    cmd.addAll(List.of(args));
    return ExternalTools.run(dir, Map.of(), 2, cmd.toArray(String[]::new));
  }

  /** The last lines of every component's log, for failure messages. */
  public String diagnostics() {
    StringBuilder out = new StringBuilder();
    for (String name :
        List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
      Path log = dir.resolve(name + ".log");
      if (Files.exists(log)) {
        try {
          List<String> lines = Files.readAllLines(log);
          out.append("--- ").append(name).append(" (last 20 lines) ---\n");
          lines
              .subList(Math.max(0, lines.size() - 20), lines.size())
              .forEach(l -> out.append(l).append('\n'));
        } catch (IOException e) {
          out.append(name).append(": ").append(e).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** Stops the stand-ins, then every component by PID, newest first; removes the directory. */
  @Override
  public void close() {
    kubelet.close();
    ebsCsi.close();
    stopProcesses();
    Runtime.getRuntime().removeShutdownHook(shutdownHook);
    ExternalTools.run(dir.getParent(), Map.of(), 1, "rm", "-rf", dir.toString());
  }

  private synchronized void stopProcesses() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    processes.clear();
  }

  private void start(String binary, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binaries.resolve(binary).toString());
    cmd.addAll(List.of(args));
    Path log = dir.resolve(binary + ".log");
    processes.add(
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start());
  }

  private void awaitControllers() {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (api.find("/api/v1/namespaces/default/serviceaccounts/default").isEmpty()
        || api.find("/api/v1/namespaces/default/configmaps/kube-root-ca.crt").isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "kube-controller-manager did not create the default service account and root CA"
                + " within 2 min\n"
                + diagnostics());
      }
      KubeApi.pause(Duration.ofMillis(500));
    }
  }

  /** A CA, the apiserver's serving certificate for 127.0.0.1, and the service-account key pair. */
  private void certificates() throws IOException {
    Files.writeString(
        dir.resolve("apiserver.ext"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost,IP:10.96.0.1,DNS:kubernetes.default.svc\n");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=otel-stack-test-ca",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt");
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=kube-apiserver",
        "-keyout",
        "apiserver.key",
        "-out",
        "apiserver.csr");
    openssl(
        "x509",
        "-req",
        "-in",
        "apiserver.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "apiserver.ext",
        "-out",
        "apiserver.crt");
    openssl("genrsa", "-out", "sa.key", "2048");
    openssl("rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub");
  }

  private void openssl(String... args) {
    ExternalTools.requireOnPath("openssl", "the control plane's certificates are made with it");
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    ExternalTools.Result r = ExternalTools.run(dir, Map.of(), 1, cmd.toArray(String[]::new));
    if (r.exitCode() != 0) {
      throw new AssertionError("openssl " + String.join(" ", args) + " failed:\n" + r.output());
    }
  }

  private String kubeconfig(int apiPort, String token) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: test",
        "  cluster:",
        "    server: https://127.0.0.1:" + apiPort,
        "    certificate-authority: " + dir.resolve("ca.crt"),
        "users:",
        "- name: admin",
        "  user:",
        "    token: " + token,
        "contexts:",
        "- name: test",
        "  context: {cluster: test, user: admin}",
        "current-context: test",
        "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

package io.otelstack.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A minimal client of the Kubernetes REST API over TLS, trusting only the test CA. The stand-ins
 * poll with it every second; a kubectl process per poll would cost a core on this machine.
 */
public final class KubeApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String server;
  private final String token;
  private final HttpClient http;

  KubeApi(String server, String token, Path caCert) {
    this.server = server;
    this.token = token;
    try (InputStream in = Files.newInputStream(caCert)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      this.http =
          HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust the test CA " + caCert, e);
    }
  }

  /** GETs a path; fails unless 200. */
  public JsonNode get(String path) {
    return find(path).orElseThrow(() -> new AssertionError("GET " + path + ": not found"));
  }

  /** GETs a path; empty on 404. */
  public Optional<JsonNode> find(String path) {
    HttpResponse<String> r = send("GET", path, null, null);
    return r.statusCode() == 404 ? Optional.empty() : Optional.of(body("GET", path, r));
  }

  /** POSTs a JSON object; 409 (already exists) counts as done. */
  public void create(String path, JsonNode object) {
    HttpResponse<String> r = send("POST", path, object.toString(), "application/json");
    if (r.statusCode() != 409) {
      body("POST", path, r);
    }
  }

  /** Applies a JSON merge patch; 404 (gone meanwhile) counts as done. */
  public void mergePatch(String path, JsonNode patch) {
    HttpResponse<String> r = send("PATCH", path, patch.toString(), "application/merge-patch+json");
    if (r.statusCode() != 404) {
      body("PATCH", path, r);
    }
  }

  /** DELETEs with the given grace period; 404 counts as done. */
  public void delete(String path, int gracePeriodSeconds) {
    HttpResponse<String> r =
        send(
            "DELETE",
            path,
            "{\"gracePeriodSeconds\":" + gracePeriodSeconds + "}",
            "application/json");
    if (r.statusCode() != 404) {
      body("DELETE", path, r);
    }
  }

  /** Waits for {@code /readyz}; the supplier explains a timeout. */
  void awaitReady(Duration timeout, Supplier<String> diagnostics) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      try {
        if (send("GET", "/readyz", null, null).statusCode() == 200) {
          return;
        }
      } catch (AssertionError notListeningYet) {
        // The apiserver opens its port a few seconds after start.
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "kube-apiserver not ready within " + timeout + "\n" + diagnostics.get());
      }
      pause(Duration.ofMillis(500));
    }
  }

  /** Sleeps, restoring the interrupt flag if interrupted. */
  static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String contentType) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(method + " " + path + ": interrupted", e);
    }
  }

  private static JsonNode body(String method, String path, HttpResponse<String> r) {
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + ": not JSON: " + r.body(), e);
    }
  }
}

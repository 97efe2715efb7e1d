package io.otelstack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a Terraform provider registry, on 127.0.0.1 over plain HTTP, serving one provider
 * package. It speaks the provider registry protocol ({@code versions} and {@code download}), as
 * Terraform's {@code direct} installation method uses it, and signs the package's SHA256SUMS with a
 * throwaway GPG key made for it, as a registry serves a community provider. Terraform reaches it
 * through a {@code host} block in its CLI config that points a registry host's {@code providers.v1}
 * service at {@link #providersUrl()}.
 *
 * <p>Every request is logged, so a test can tell which providers Terraform asked a registry for.
 */
public final class StandInProviderRegistry implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private StandInProviderRegistry(HttpServer server) {
    this.server = server;
  }

  /**
   * Packages {@code binary} as provider {@code source} (namespace/type) at {@code version} for
   * {@code platform} (for example {@code linux_amd64}) in {@code workDir}, signs it and starts
   * serving it.
   */
  public static StandInProviderRegistry serve(
      Path workDir, String source, String version, String platform, Path binary) {
    String type = source.substring(source.indexOf('/') + 1);
    String[] osArch = platform.split("_");
    try {
      String zipName = "terraform-provider-" + type + "_" + version + "_" + platform + ".zip";
      Path zip = workDir.resolve(zipName);
      zipExecutable(binary, "terraform-provider-" + type + "_v" + version, zip);
      byte[] zipBytes = Files.readAllBytes(zip);
      String shasum =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zipBytes));
      String sumsName = "terraform-provider-" + type + "_" + version + "_SHA256SUMS";
      Path sums = workDir.resolve(sumsName);
      Files.writeString(sums, shasum + "  " + zipName + "\n");
      ThrowawayKey key = ThrowawayKey.signing(workDir.resolve("gnupg"), sums);

      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      String files = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/";
      ObjectNode versions = JSON.createObjectNode();
      ObjectNode release = versions.putArray("versions").addObject().put("version", version);
      release.putArray("protocols").add("5.0");
      release.putArray("platforms").addObject().put("os", osArch[0]).put("arch", osArch[1]);
      ObjectNode download =
          JSON.createObjectNode()
              .put("os", osArch[0])
              .put("arch", osArch[1])
              .put("filename", zipName)
              .put("download_url", files + zipName)
              .put("shasums_url", files + sumsName)
              .put("shasums_signature_url", files + sumsName + ".sig")
              .put("shasum", shasum);
      download.putArray("protocols").add("5.0");
      download
          .putObject("signing_keys")
          .putArray("gpg_public_keys")
          .addObject()
          .put("key_id", key.id())
          .put("ascii_armor", key.armor());
      String provider = "/v1/providers/" + source;
      Map<String, byte[]> routes =
          Map.of(
              provider + "/versions",
              JSON.writeValueAsBytes(versions),
              provider + "/" + version + "/download/" + osArch[0] + "/" + osArch[1],
              JSON.writeValueAsBytes(download),
              "/files/" + zipName,
              zipBytes,
              "/files/" + sumsName,
              Files.readAllBytes(sums),
              "/files/" + sumsName + ".sig",
              Files.readAllBytes(sums.resolveSibling(sumsName + ".sig")));
      StandInProviderRegistry registry = new StandInProviderRegistry(server);
      server.createContext(
          "/",
          exchange -> {
            String path = exchange.getRequestURI().getPath();
            registry.requests.add(exchange.getRequestMethod() + " " + path);
            byte[] body = routes.get(path);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(
                body == null ? 404 : 200, head || body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              if (body != null && !head) {
                out.write(body);
              }
            }
          });
      server.start();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base URL of the {@code providers.v1} service, for a CLI config's {@code host} block. */
  public URI providersUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/providers/");
  }

  /** Every request so far, as {@code METHOD /path}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A stored (uncompressed, so quick) zip holding one executable file, as provider packages do. */
  private static void zipExecutable(Path binary, String name, Path zip) throws IOException {
    Map<String, String> env =
        Map.of("create", "true", "noCompression", "true", "enablePosixFileAttributes", "true");
    try (FileSystem fs = FileSystems.newFileSystem(zip, env)) {
      Path entry = fs.getPath(name);
      Files.copy(binary, entry);
      Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /**
   * An unprotected ed25519 key in its own GnuPG home, made for one signature: the registry
   * protocol's {@code shasums_signature_url} serves a binary detached signature.
   */
  private record ThrowawayKey(String id, String armor) {
    static ThrowawayKey signing(Path home, Path file) throws IOException {
      Files.createDirectories(
          home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      try {
        gpg(
            home,
            "--passphrase",
            "",
            "--quick-gen-key",
            "otel-stack stand-in registry",
            "ed25519",
            "sign",
            "never");
        gpg(home, "--output", file + ".sig", "--detach-sign", file.toString());
        String armor = gpg(home, "--armor", "--export");
        String id =
            gpg(home, "--list-keys", "--with-colons")
                .lines()
                .filter(l -> l.startsWith("pub:"))
                .map(l -> l.split(":")[4])
                .findFirst()
                .orElseThrow();
        return new ThrowawayKey(id, armor);
      } finally {
        // gpg started an agent for this home; it must not outlive the test.
        ExternalTools.run(
            home, Map.of(), 1, "gpgconf", "--homedir", home.toString(), "--kill", "all");
      }
    }

    private static String gpg(Path home, String... args) {
      String[] cmd = new String[args.length + 4];
      cmd[0] = "gpg";
      cmd[1] = "--batch";
      cmd[2] = "--homedir";
      cmd[3] = home.toString();
      System.arraycopy(args, 0, cmd, 4, args.length);
      ExternalTools.Result r = ExternalTools.run(home, Map.of(), 1, cmd);
      if (r.exitCode() != 0) {
        throw new AssertionError(String.join(" ", cmd) + " failed:\n" + r.output());
      }
      return r.stdout();
    }
  }
}

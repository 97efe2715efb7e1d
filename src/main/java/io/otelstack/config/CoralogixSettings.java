package io.otelstack.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where telemetry goes in Coralogix, and which secret holds the send-your-data key.
 *
 * <p>The key itself never appears here: only the name of the AWS Secrets Manager secret holding it.
 * Rule checked when loaded: {@code privateKeySecretName} must not look like a key.
 *
 * @param domain the Coralogix domain of the account's region, e.g. {@code eu2.coralogix.com}
 * @param applicationName Coralogix application name of all data from the environment
 * @param subsystems Coralogix subsystem name of each signal
 * @param mapping resource attributes the application and subsystem are taken from, the two above
 *     being the fallback
 * @param privateKeySecretName name of the Secrets Manager secret holding the key
 * @param createSecret whether the cluster stack creates that secret (empty, filled by hand) or
 *     reads one that already exists
 */
public record CoralogixSettings(
    String domain,
    String applicationName,
    SubsystemSettings subsystems,
    MappingSettings mapping,
    String privateKeySecretName,
    boolean createSecret) {
  // Send-your-data keys are "cxtp_..." or, in older accounts, UUIDs.
  private static final Pattern KEY_LIKE =
      Pattern.compile("cxtp_.*|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-.*");

  /** Requires every part. */
  public CoralogixSettings {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(applicationName, "applicationName");
    Objects.requireNonNull(subsystems, "subsystems");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(privateKeySecretName, "privateKeySecretName");
  }

  void check(Problems p) {
    if (KEY_LIKE.matcher(privateKeySecretName).matches()) {
      // The value is not echoed: it may be the live key.
      p.add(
          p.path("privateKeySecretName")
              + " looks like a Coralogix key, not the name of a secret; store the key in AWS"
              + " Secrets Manager and put the secret's name here, e.g."
              + " otel-stack/coralogix-private-key");
    }
  }
}

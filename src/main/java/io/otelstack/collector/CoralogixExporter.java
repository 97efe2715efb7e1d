package io.otelstack.collector;

import io.otelstack.ValidationException;
import io.otelstack.internal.Tokens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code coralogix} exporter every collector sends with: one shared definition of domain,
 * application, subsystem, key, retry and queue.
 *
 * <p>The private key is never part of the configuration: it is read at start-up from the
 * environment variable named by {@code privateKeyEnv}, which the pod fills from a Kubernetes
 * Secret.
 *
 * @param name instance name, e.g. {@code logs}; empty for the unnamed instance
 * @param domain Coralogix domain, e.g. {@code eu2.coralogix.com}, or a Terraform token
 * @param applicationName Coralogix application name, and the fallback of {@code mapping}
 * @param subsystemName Coralogix subsystem name for this signal, and the fallback of {@code
 *     mapping}
 * @param privateKeyEnv environment variable holding the private key
 * @param timeoutSeconds per-request timeout
 * @param queue the sending queue
 * @param mapping resource attributes the application and subsystem are taken from per resource;
 *     null for {@link CoralogixMapping#STATIC}
 */
public record CoralogixExporter(
    String name,
    String domain,
    String applicationName,
    String subsystemName,
    String privateKeyEnv,
    int timeoutSeconds,
    SendingQueue queue,
    CoralogixMapping mapping)
    implements Component {
  /** The environment variable the collectors read the key from by default. */
  public static final String DEFAULT_PRIVATE_KEY_ENV = "CORALOGIX_PRIVATE_KEY";

  private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.-]+\\.[a-z]{2,}");
  private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]*");

  /** Validates domain, names and the key's environment variable. */
  public CoralogixExporter {
    if (domain == null || !Tokens.isToken(domain) && !DOMAIN.matcher(domain).matches()) {
      throw new ValidationException(
          "coralogix.domain (" + domain + ") must be a host name such as eu2.coralogix.com");
    }
    requireText("coralogix.applicationName", applicationName);
    requireText("coralogix.subsystemName", subsystemName);
    if (privateKeyEnv == null || !ENV.matcher(privateKeyEnv).matches()) {
      throw new ValidationException(
          "coralogix.privateKeyEnv ("
              + privateKeyEnv
              + ") must be an environment variable name such as "
              + DEFAULT_PRIVATE_KEY_ENV);
    }
    if (timeoutSeconds <= 0) {
      throw new ValidationException(
          "coralogix.timeoutSeconds (" + timeoutSeconds + ") must be > 0; default is 30");
    }
    if (queue == null) {
      throw new ValidationException("coralogix.queue is required");
    }
    mapping = mapping == null ? CoralogixMapping.STATIC : mapping;
  }

  private static void requireText(String prop, String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(prop + " must not be empty");
    }
  }

  @Override
  public ComponentType type() {
    return ComponentType.CORALOGIX;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("domain", domain);
    s.put("private_key", "${env:" + privateKeyEnv + "}");
    s.put("application_name", applicationName);
    s.put("subsystem_name", subsystemName);
    if (!mapping.applicationAttributes().isEmpty()) {
      s.put("application_name_attributes", Tokens.yamlList(mapping.applicationAttributes()));
    }
    if (!mapping.subsystemAttributes().isEmpty()) {
      s.put("subsystem_name_attributes", Tokens.yamlList(mapping.subsystemAttributes()));
    }
    s.put("timeout", timeoutSeconds + "s");
    s.put("sending_queue", queue.settings());
    // Never give up while the backend is down: the queue is on disk and bounded by its size,
    // so waiting costs disk, whereas giving up drops data.
    s.put("retry_on_failure", RetryForever.settings(5, 30));
    return s;
  }
}

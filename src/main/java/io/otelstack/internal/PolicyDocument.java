package io.otelstack.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AWS policy documents (IAM and KMS key policies) as JSON; token strings pass through. */
public final class PolicyDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocument() {}

  /** A policy document holding the statements, in order. */
  @SafeVarargs
  public static String of(Map<String, Object>... statements) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", List.of(statements));
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and lists always serializes", e);
    }
  }

  /**
   * The key-policy statement that hands a KMS key's permissions to the account's IAM policies, as
   * AWS's default key policy does. Without it, no IAM principal could administer or use the key.
   */
  public static Map<String, Object> accountRoot(String accountId) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", "AccountIamPolicies");
    statement.put("Effect", "Allow");
    statement.put("Principal", Map.of("AWS", "arn:aws:iam::" + accountId + ":root"));
    statement.put("Action", "kms:*");
    statement.put("Resource", "*");
    return statement;
  }
}

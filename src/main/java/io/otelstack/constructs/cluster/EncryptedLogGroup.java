package io.otelstack.constructs.cluster;

import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroupConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_region.DataAwsRegion;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKeyConfig;
import io.otelstack.internal.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A CloudWatch log group kept for {@value #RETENTION_DAYS} days and encrypted with a KMS key of its
 * own, whose policy lets CloudWatch Logs use it for this log group only. Not public API.
 *
 * <p>Created here rather than by the service that writes to it, so that it has a retention, an
 * encryption key, and Terraform removes it. The log group keeps the plain ID it had before it was
 * encrypted ({@code id}, the key is {@code <id>Key}), so adding the key updates it in place instead
 * of replacing it and its logs.
 */
final class EncryptedLogGroup {
  /** A year: what audit and incident reviews usually look back over. */
  static final int RETENTION_DAYS = 365;

  private EncryptedLogGroup() {}

  /** The caller's account ID and region, which key policies name (tokens). */
  record Where(String accountId, String region) {
    /** Looks both up with data sources {@code Account} and {@code Region} in the scope. */
    static Where of(Construct scope) {
      return new Where(
          new DataAwsCallerIdentity(scope, "Account").getAccountId(),
          new DataAwsRegion(scope, "Region").getName());
    }
  }

  /** Creates the key {@code <id>Key} and the log group {@code id} named {@code name}. */
  static CloudwatchLogGroup create(
      Construct scope, String id, Where where, String name, String purpose) {
    String account = where.accountId();
    String region = where.region();
    Map<String, Object> logs = new LinkedHashMap<>();
    logs.put("Sid", "CloudWatchLogsOfThisGroup");
    logs.put("Effect", "Allow");
    logs.put("Principal", Map.of("Service", "logs." + region + ".amazonaws.com"));
    logs.put(
        "Action",
        List.of(
            "kms:Encrypt*",
            "kms:Decrypt*",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:Describe*"));
    logs.put("Resource", "*");
    logs.put(
        "Condition",
        Map.of(
            "ArnEquals",
            Map.of(
                "kms:EncryptionContext:aws:logs:arn",
                "arn:aws:logs:" + region + ":" + account + ":log-group:" + name)));
    KmsKey key =
        new KmsKey(
            scope,
            id + "Key",
            KmsKeyConfig.builder()
                .description("Encryption of CloudWatch log group " + name + " (" + purpose + ")")
                .enableKeyRotation(true)
                .policy(PolicyDocument.of(PolicyDocument.accountRoot(account), logs))
                .build());
    return new CloudwatchLogGroup(
        scope,
        id,
        CloudwatchLogGroupConfig.builder()
            .name(name)
            .retentionInDays(RETENTION_DAYS)
            .kmsKeyId(key.getArn())
            .build());
  }
}

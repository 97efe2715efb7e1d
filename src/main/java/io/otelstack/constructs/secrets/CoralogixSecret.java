package io.otelstack.constructs.secrets;

import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret.DataAwsSecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret.DataAwsSecretsmanagerSecretConfig;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKeyConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecretConfig;
import io.otelstack.ValidationException;
import io.otelstack.internal.PolicyDocument;
import software.constructs.Construct;

/**
 * The AWS Secrets Manager secret that holds the Coralogix private key: created empty, or an
 * existing one looked up by name.
 *
 * <p>The key's value never appears in this program, its inputs, the synthesized Terraform or the
 * Terraform state: there is deliberately no secret version resource. An operator sets it out of
 * band, e.g. {@code aws secretsmanager put-secret-value --secret-id <name> --secret-string
 * file://key.txt} (a file, so the key stays out of shell history).
 *
 * <p>A created secret is encrypted with a customer-managed KMS key of its own ({@code KmsKey},
 * rotated yearly), whose policy leaves access to the account's IAM policies: who may read the key
 * is then whoever may both read the secret and decrypt with that key, which an audit can list,
 * unlike the account-wide {@code aws/secretsmanager} key. Destroying it schedules deletion in 30
 * days, during which its name cannot be reused ({@code aws secretsmanager restore-secret} brings it
 * back).
 */
public final class CoralogixSecret extends Construct {
  private final String secretArn;
  private final String secretName;

  /** Creates the secret ({@code Resource}) or looks it up ({@code Lookup}). */
  public CoralogixSecret(Construct scope, String id, CoralogixSecretProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (CoralogixSecretProps) is required");
    }
    if (props.create()) {
      KmsKey key =
          new KmsKey(
              this,
              "KmsKey",
              KmsKeyConfig.builder()
                  .description("Encryption of the Coralogix private key's secret")
                  .enableKeyRotation(true)
                  .policy(
                      PolicyDocument.of(
                          PolicyDocument.accountRoot(
                              new DataAwsCallerIdentity(this, "Account").getAccountId())))
                  .build());
      SecretsmanagerSecret secret =
          new SecretsmanagerSecret(
              this,
              "Resource",
              SecretsmanagerSecretConfig.builder()
                  .name(props.secretName())
                  .description(
                      "Coralogix private key the OpenTelemetry collectors send with; set out of"
                          + " band")
                  .kmsKeyId(key.getArn())
                  .build());
      secretArn = secret.getArn();
      secretName = secret.getName();
    } else {
      DataAwsSecretsmanagerSecret secret =
          new DataAwsSecretsmanagerSecret(
              this,
              "Lookup",
              DataAwsSecretsmanagerSecretConfig.builder().name(props.secretName()).build());
      secretArn = secret.getArn();
      secretName = secret.getName();
    }
  }

  /** The secret's ARN (token). */
  public String secretArn() {
    return secretArn;
  }

  /** The secret's name (token). */
  public String secretName() {
    return secretName;
  }
}

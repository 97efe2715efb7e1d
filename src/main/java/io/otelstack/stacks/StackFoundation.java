package io.otelstack.stacks;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import io.otelstack.config.Environment;
import io.otelstack.config.StateBackend;
import io.otelstack.internal.Maps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the stacks of an environment set up the same way: state backend and AWS provider. */
final class StackFoundation {
  private StackFoundation() {}

  /**
   * One state file per environment and stack, {@code <keyPrefix>/<env>/<stack>.tfstate}, so an
   * apply of one environment can never touch another's state. S3 locking uses the native lock file
   * (Terraform 1.10 or later), which needs no DynamoDB table.
   */
  static void backend(TerraformStack stack, Environment env, String stackKind) {
    var state = env.state();
    if (state.backend() == StateBackend.LOCAL) {
      new LocalBackend(
          stack,
          LocalBackendConfig.builder()
              .path(state.localPath() + "/" + env.name() + "/" + stackKind + ".tfstate")
              .build());
      return;
    }
    new S3Backend(
        stack,
        S3BackendConfig.builder()
            .bucket(state.bucket())
            .region(state.region())
            .key(stateKey(env, stackKind))
            .encrypt(true)
            .build());
    stack.addOverride("terraform.backend.s3.use_lockfile", true);
  }

  /** The S3 key of a stack's state. */
  static String stateKey(Environment env, String stackKind) {
    return env.state().keyPrefix() + "/" + env.name() + "/" + stackKind + ".tfstate";
  }

  /**
   * The AWS provider, locked to the environment's account so credentials for another account fail
   * at plan time, with environment, owner and cost-centre tags on every resource.
   */
  static AwsProvider aws(TerraformStack stack, Environment env) {
    Map<String, String> tags = new LinkedHashMap<>(env.tags());
    tags.put("environment", env.name());
    tags.put("managed-by", "otel-stack");
    return AwsProvider.Builder.create(stack, "Aws")
        .region(env.cluster().region())
        .allowedAccountIds(List.of(env.cluster().accountId()))
        .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(Maps.copySorted(tags)).build()))
        .build();
  }

  /** The EKS cluster name of an environment, shared by the cluster and telemetry stacks. */
  static String clusterName(Environment env) {
    return "otel-stack-" + env.name();
  }
}

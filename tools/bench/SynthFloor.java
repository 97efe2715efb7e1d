import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.helm.provider.HelmProvider;
import com.hashicorp.cdktf.providers.helm.release.Release;
import com.hashicorp.cdktf.providers.kubernetes.namespace_v1.NamespaceV1;
import com.hashicorp.cdktf.providers.kubernetes.namespace_v1.NamespaceV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.provider.KubernetesProvider;
import imports.coralogix.dashboards_folder.DashboardsFolder;
import imports.coralogix.provider.CoralogixProvider;

/**
 * The floor of a CDKTF Java synth: the cost any app pays before its own constructs. One JVM, the
 * jsii runtime, each provider otel-stack uses loaded with one resource, and synth.
 */
public final class SynthFloor {
  public static void main(String[] args) {
    App app = new App();
    TerraformStack stack = new TerraformStack(app, "floor");
    new AwsProvider(stack, "aws", com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig.builder().region("eu-west-1").build());
    new S3Bucket(stack, "bucket", com.hashicorp.cdktf.providers.aws.s3_bucket.S3BucketConfig.builder().bucket("floor").build());
    new KubernetesProvider(stack, "kubernetes");
    new NamespaceV1(stack, "namespace", com.hashicorp.cdktf.providers.kubernetes.namespace_v1.NamespaceV1Config.builder()
        .metadata(NamespaceV1Metadata.builder().name("floor").build()).build());
    new HelmProvider(stack, "helm");
    new Release(stack, "release", com.hashicorp.cdktf.providers.helm.release.ReleaseConfig.builder()
        .name("floor").chart("floor").build());
    CoralogixProvider.Builder.create(stack, "coralogix").domain("eu2.coralogix.com").apiKey("floor").build();
    DashboardsFolder.Builder.create(stack, "folder").name("floor").build();
    app.synth();
  }
}

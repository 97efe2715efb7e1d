package io.otelstack.constructs.cluster;

import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachmentConfig;
import io.otelstack.internal.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An IAM role that an AWS service assumes, with AWS-managed policies attached. Not public API.
 *
 * @param role the {@code Role} child
 * @param attachments one child per managed policy, named after the policy; resources that need the
 *     permissions at creation time depend on them, since a role without its policies exists before
 *     they are attached
 */
record ServiceRole(IamRole role, List<IamRolePolicyAttachment> attachments) {
  /**
   * Creates {@code Role} and its policy attachments in {@code scope}.
   *
   * @param name the IAM role name
   * @param servicePrincipal the service allowed to assume the role, e.g. {@code eks.amazonaws.com}
   * @param actions the STS actions the service needs, e.g. {@code sts:AssumeRole}
   * @param managedPolicies AWS-managed policy names, with their path, e.g. {@code
   *     service-role/AmazonEBSCSIDriverPolicy}
   */
  static ServiceRole create(
      Construct scope,
      String name,
      String servicePrincipal,
      List<String> actions,
      List<String> managedPolicies) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Principal", Map.of("Service", servicePrincipal));
    statement.put("Action", actions);
    IamRole role =
        new IamRole(
            scope,
            "Role",
            IamRoleConfig.builder().name(name).assumeRolePolicy(policy(statement)).build());
    List<IamRolePolicyAttachment> attachments = new ArrayList<>();
    for (String policy : managedPolicies) {
      attachments.add(
          new IamRolePolicyAttachment(
              scope,
              policy.substring(policy.lastIndexOf('/') + 1),
              IamRolePolicyAttachmentConfig.builder()
                  .role(role.getName())
                  .policyArn("arn:aws:iam::aws:policy/" + policy)
                  .build()));
    }
    return new ServiceRole(role, List.copyOf(attachments));
  }

  /** An IAM policy document with one statement, as JSON (token strings pass through). */
  static String policy(Map<String, Object> statement) {
    return PolicyDocument.of(statement);
  }
}

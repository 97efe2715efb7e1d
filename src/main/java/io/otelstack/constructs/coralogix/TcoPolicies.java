package io.otelstack.constructs.coralogix;

import imports.coralogix.tco_policies_logs.TcoPoliciesLogs;
import imports.coralogix.tco_policies_logs.TcoPoliciesLogsPolicies;
import imports.coralogix.tco_policies_logs.TcoPoliciesLogsPoliciesApplications;
import imports.coralogix.tco_policies_logs.TcoPoliciesLogsPoliciesSubsystems;
import imports.coralogix.tco_policies_traces.TcoPoliciesTraces;
import imports.coralogix.tco_policies_traces.TcoPoliciesTracesPolicies;
import imports.coralogix.tco_policies_traces.TcoPoliciesTracesPoliciesApplications;
import imports.coralogix.tco_policies_traces.TcoPoliciesTracesPoliciesSubsystems;
import io.otelstack.ValidationException;
import java.util.List;
import java.util.function.Function;
import software.constructs.Construct;

/**
 * The environment's Coralogix TCO policies: which logs and traces go to frequent search (high),
 * monitoring (medium), the archive (low), or nowhere (block).
 *
 * <p>Every policy is limited to the environment's application, so environments sharing an account
 * do not steer each other's data; unless the collectors map each record to its own application (its
 * namespace, say), when the policies apply to every application. Note that {@code
 * coralogix_tco_policies_logs} and {@code _traces} each own the account's whole list: environments
 * sharing one Coralogix account must let one stack hold the policies (set the others' lists empty).
 *
 * <p>Children: {@code Logs} and {@code Traces}, created only when their list is not empty.
 */
public final class TcoPolicies extends Construct {
  /** Creates the policies. */
  public TcoPolicies(Construct scope, String id, TcoPoliciesProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(getNode().getPath() + ": props (TcoPoliciesProps) is required");
    }
    List<String> application =
        props.applicationName() == null ? null : List.of(props.applicationName());
    if (!props.logs().isEmpty()) {
      TcoPoliciesLogs.Builder.create(this, "Logs")
          .policies(
              props.logs().stream()
                  .map(
                      p ->
                          TcoPoliciesLogsPolicies.builder()
                              .name(props.environment() + "-" + p.name())
                              .priority(p.priority().value())
                              .severities(p.severities())
                              .applications(
                                  is(
                                      application,
                                      n ->
                                          TcoPoliciesLogsPoliciesApplications.builder()
                                              .names(n)
                                              .ruleType("is")
                                              .build()))
                              .subsystems(
                                  is(
                                      p.subsystems(),
                                      n ->
                                          TcoPoliciesLogsPoliciesSubsystems.builder()
                                              .names(n)
                                              .ruleType("is")
                                              .build()))
                              .build())
                  .toList())
          .build();
    }
    if (!props.traces().isEmpty()) {
      TcoPoliciesTraces.Builder.create(this, "Traces")
          .policies(
              props.traces().stream()
                  .map(
                      p ->
                          TcoPoliciesTracesPolicies.builder()
                              .name(props.environment() + "-" + p.name())
                              .priority(p.priority().value())
                              .applications(
                                  is(
                                      application,
                                      n ->
                                          TcoPoliciesTracesPoliciesApplications.builder()
                                              .names(n)
                                              .ruleType("is")
                                              .build()))
                              .subsystems(
                                  is(
                                      p.subsystems(),
                                      n ->
                                          TcoPoliciesTracesPoliciesSubsystems.builder()
                                              .names(n)
                                              .ruleType("is")
                                              .build()))
                              .build())
                  .toList())
          .build();
    }
  }

  /**
   * An "is one of {@code names}" filter built by {@code filter}; null, which means no filter, where
   * there are no names. The logs and traces filters are distinct generated types.
   */
  private static <T> T is(List<String> names, Function<List<String>, T> filter) {
    return names == null || names.isEmpty() ? null : filter.apply(names);
  }
}

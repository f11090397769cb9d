package com.twofactor.aws.apigateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.List;
import java.util.Optional;

/**
 * The IAM roles whose sessions may call the internal routes ({@code two-factor.internal-callers
 * .role-arns}, from template.yaml's {@code InternalCallerRoleArns}; the API's resource policy
 * checks the same list). An empty list refuses every internal call.
 *
 * <p>API Gateway names a role's caller by its session, {@code
 * arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}, while the list names roles, {@code
 * arn:aws:iam::ACCOUNT:role[/path]/ROLE}: a session matches when partition, account and role name
 * are equal (role names are unique in an account whatever their path). Any other caller, such as an
 * IAM user, must equal an entry exactly. Case-sensitive, as ARN conditions in IAM are. Not
 * thread-safe while being bound; read-only afterwards.
 */
@ConfigurationProperties("two-factor.internal-callers")
public class InternalCallers {
  private List<String> roleArns = List.of();

  public List<String> getRoleArns() {
    return roleArns;
  }

  public void setRoleArns(List<String> roleArns) {
    this.roleArns =
        roleArns == null
            ? List.of()
            : roleArns.stream().map(String::trim).filter(arn -> !arn.isEmpty()).toList();
  }

  /** Whether {@code callerArn}, as API Gateway reports it, is one of the listed roles. */
  public boolean allows(String callerArn) {
    Optional<Role> session = Role.ofSession(callerArn);
    for (String listed : roleArns) {
      if (listed.equals(callerArn)) {
        return true;
      }
      Optional<Role> role = Role.ofRoleArn(listed);
      if (session.isPresent() && session.equals(role)) {
        return true;
      }
    }
    return false;
  }

  /** A role by what identifies it: partition, account and name. */
  private record Role(String partition, String account, String name) {

    /** {@code arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION}. */
    static Optional<Role> ofSession(String arn) {
      String[] parts = arn.split(":", 6);
      if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("sts")) {
        return Optional.empty();
      }
      String[] resource = parts[5].split("/", -1);
      if (resource.length != 3 || !resource[0].equals("assumed-role") || resource[1].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Role(parts[1], parts[4], resource[1]));
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:role[/path]/ROLE}. */
    static Optional<Role> ofRoleArn(String arn) {
      String[] parts = arn.split(":", 6);
      if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iam")) {
        return Optional.empty();
      }
      String[] resource = parts[5].split("/", -1);
      String name = resource[resource.length - 1];
      if (resource.length < 2 || !resource[0].equals("role") || name.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Role(parts[1], parts[4], name));
    }
  }
}

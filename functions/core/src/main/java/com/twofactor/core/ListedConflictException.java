package com.twofactor.core;

import java.util.List;

/**
 * A 409 that names what stands in the way: the owners without 2FA ({@code owners}), or the orgs
 * whose requirement binds the user ({@code orgs}).
 */
public final class ListedConflictException extends TwoFactorException {
  private static final long serialVersionUID = 1L;

  private final String listName;
  private final transient List<String> ids;

  private ListedConflictException(
      ErrorCode code, String detail, String listName, List<String> ids) {
    super(code, detail);
    this.listName = listName;
    this.ids = List.copyOf(ids);
  }

  public static ListedConflictException ownersWithoutTwoFactor(List<String> owners) {
    return new ListedConflictException(
        ErrorCode.OWNERS_WITHOUT_TWO_FACTOR,
        "Every owner must have two-factor authentication on first.",
        "owners",
        owners.stream().sorted().toList());
  }

  public static ListedConflictException requiredByOrgs(List<String> orgIds) {
    return new ListedConflictException(
        ErrorCode.TWO_FACTOR_REQUIRED_BY_ORG,
        "An organization you belong to requires two-factor authentication.",
        "orgs",
        orgIds.stream().sorted().toList());
  }

  /** An admin reset of an owner of requiring orgs: they must be made a member first. */
  public static ListedConflictException ownerOfRequiringOrgs(List<String> orgIds) {
    return new ListedConflictException(
        ErrorCode.TWO_FACTOR_REQUIRED_BY_ORG,
        "The user owns an organization that requires two-factor authentication; make them a"
            + " member there first.",
        "orgs",
        orgIds.stream().sorted().toList());
  }

  /** {@code owners} or {@code orgs}. */
  public String listName() {
    return listName;
  }

  public List<String> ids() {
    return ids;
  }
}

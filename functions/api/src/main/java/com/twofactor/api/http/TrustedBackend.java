package com.twofactor.api.http;

/**
 * A trusted back end calling an {@code /internal/...} route. On Lambda it is bound only when API
 * Gateway passed an IAM-authenticated caller; otherwise the request is refused with 403.
 *
 * @param principal the caller's IAM ARN (or a stand-in in the dev server), for the audit trail
 */
public record TrustedBackend(String principal) {
  public String auditActor() {
    return "internal:" + principal;
  }
}

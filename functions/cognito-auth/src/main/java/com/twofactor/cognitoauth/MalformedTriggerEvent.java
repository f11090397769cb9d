package com.twofactor.cognitoauth;

/**
 * A trigger event Cognito would not send: a missing request, an unknown challenge in the session,
 * no {@code sub}, an answer that is not one. It names the defect (never a value from the event) and
 * carries no stack trace: it is logged as one WARN line and the sign-in fails.
 */
final class MalformedTriggerEvent extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedTriggerEvent(String defect) {
    super(defect, null, false, false);
  }
}

package com.twofactor.devserver.cognito;

/**
 * A refusal as Cognito words it: the error type (sent as {@code __type} and {@code
 * x-amzn-ErrorType}) and Cognito's message. Never carries a password, code or token. No stack
 * trace: it is an answer, not a fault.
 */
public final class CognitoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The answer to a wrong password, an unknown user and a failed second factor alike. */
  static final String INCORRECT = "Incorrect username or password.";

  private final String type;

  public CognitoException(String type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  static CognitoException notAuthorized() {
    return new CognitoException("NotAuthorizedException", INCORRECT);
  }

  static CognitoException invalidParameter(String message) {
    return new CognitoException("InvalidParameterException", message);
  }

  public String type() {
    return type;
  }
}

package com.twofactor.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error answer ({@code application/problem+json}).
 *
 * @param code the stable machine-readable error code of the contract
 * @param errors the offending fields, for validation failures only
 * @param owners the owners without 2FA, for {@code owners_without_two_factor} only
 * @param orgs the orgs that require 2FA, for {@code two_factor_required_by_org} only
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    List<FieldError> errors,
    List<String> owners,
    List<String> orgs) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem(
      String type, String title, int status, String detail, String code, List<FieldError> errors) {
    this(type, title, status, detail, code, errors, null, null);
  }

  /** One invalid field of the request. */
  @Serdeable
  public record FieldError(String field, String message) {}
}

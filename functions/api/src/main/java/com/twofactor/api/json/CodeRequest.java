package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"code": "123456"}}. */
@Serdeable
public record CodeRequest(@NotBlank @Size(max = 32) String code) {
  @Override
  public String toString() {
    return "CodeRequest[code=***]";
  }
}

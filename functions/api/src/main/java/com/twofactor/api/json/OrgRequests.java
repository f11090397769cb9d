package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the organization routes. */
public final class OrgRequests {
  private OrgRequests() {}

  /** {@code {"name": "Acme"}}. */
  @Serdeable
  public record CreateOrg(@NotBlank @Size(max = 100) String name) {}

  /** {@code {"role": "owner"}}. */
  @Serdeable
  public record PutMember(
      @NotBlank @Pattern(regexp = "owner|member", message = "must be owner or member")
          String role) {}

  /** {@code {"required": true, "gracePeriodHours": 72}}. */
  @Serdeable
  public record SetRequirement(
      @NotNull Boolean required, @Min(0) @Max(2160) Integer gracePeriodHours) {}
}

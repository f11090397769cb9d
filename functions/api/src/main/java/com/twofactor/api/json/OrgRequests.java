package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Set;

/** Request bodies of the organization routes. */
public final class OrgRequests {
  private OrgRequests() {}

  /** {@code {"name": "Acme"}}. */
  @Serdeable
  public record CreateOrg(String name) implements CheckedBody {
    @Override
    public void check(FieldChecks checks) {
      checks.text("name", name, 100);
    }
  }

  /** {@code {"role": "owner"}}. */
  @Serdeable
  public record PutMember(String role) implements CheckedBody {
    @Override
    public void check(FieldChecks checks) {
      checks.oneOf("role", role, Set.of("owner", "member"), "must be owner or member");
    }
  }

  /** {@code {"required": true, "gracePeriodHours": 72}}. */
  @Serdeable
  public record SetRequirement(Boolean required, Integer gracePeriodHours) implements CheckedBody {
    @Override
    public void check(FieldChecks checks) {
      checks.required("required", required).range("gracePeriodHours", gracePeriodHours, 0, 2160);
    }
  }
}

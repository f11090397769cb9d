package com.twofactor.api.json;

import com.twofactor.core.service.BackupCodeService;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Reveal and regenerate: {@code {codes:[{code, used}], remaining}}. */
@Serdeable
public record BackupCodesResponse(List<Code> codes, int remaining) {
  public static BackupCodesResponse from(BackupCodeService.Revealed revealed) {
    return new BackupCodesResponse(
        revealed.codes().stream().map(c -> new Code(c.code(), c.used())).toList(),
        revealed.remaining());
  }

  /** One backup code and whether it has been used. */
  @Serdeable
  public record Code(String code, boolean used) {
    @Override
    public String toString() {
      return "Code[used=" + used + "]";
    }
  }

  @Override
  public String toString() {
    return "BackupCodesResponse[remaining=" + remaining + "]";
  }
}

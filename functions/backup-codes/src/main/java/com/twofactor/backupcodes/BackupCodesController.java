package com.twofactor.backupcodes;

import com.twofactor.api.http.Caller;
import com.twofactor.api.json.BackupCodesResponse;
import com.twofactor.api.json.CodeRequest;
import com.twofactor.api.json.FieldChecks;
import com.twofactor.api.json.ProofOnlyRequest;
import com.twofactor.api.json.VerifiedResponse;
import com.twofactor.core.model.Method;
import com.twofactor.core.service.BackupCodeService;
import com.twofactor.core.service.VerificationService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** "Reveal codes", regenerate, and "Use a recovery code" for the calling user. */
@Controller("/two-factor/backup-codes")
public class BackupCodesController {
  private final BackupCodeService backupCodes;
  private final VerificationService verification;

  public BackupCodesController(BackupCodeService backupCodes, VerificationService verification) {
    this.backupCodes = backupCodes;
    this.verification = verification;
  }

  @Post("/reveal")
  public BackupCodesResponse reveal(Caller caller, @Body ProofOnlyRequest request) {
    FieldChecks.valid(request);
    return BackupCodesResponse.from(
        backupCodes.reveal(caller.userId(), request.verification().toProof()));
  }

  @Post("/regenerate")
  public BackupCodesResponse regenerate(Caller caller, @Body ProofOnlyRequest request) {
    FieldChecks.valid(request);
    return BackupCodesResponse.from(
        backupCodes.regenerate(caller.userId(), request.verification().toProof()));
  }

  @Post("/consume")
  public VerifiedResponse consume(Caller caller, @Body CodeRequest request) {
    FieldChecks.valid(request);
    return VerifiedResponse.of(
        verification.verify(caller.userId(), caller.userId(), Method.BACKUP_CODE, request.code()));
  }
}

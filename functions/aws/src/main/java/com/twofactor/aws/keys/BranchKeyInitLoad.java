package com.twofactor.aws.keys;

import com.twofactor.aws.snapstart.InitTimeLoad;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Opens the current branch key at an on-demand or provisioned-concurrency init: the table read and
 * the KMS {@code Decrypt} a function's first login would make happen while the framework starts,
 * and they count against the same once-per-ten-minutes limit ({@link TableBranchKeys}), so a warm
 * instance still makes no KMS call. In a new deployment this creates version 1, as the first login
 * would. Thread-safe ({@link TableBranchKeys} is).
 */
@Requires(classes = KmsClient.class)
@Singleton
final class BranchKeyInitLoad implements InitTimeLoad {
  private final TableBranchKeys branchKeys;

  BranchKeyInitLoad(TableBranchKeys branchKeys) {
    this.branchKeys = branchKeys;
  }

  @Override
  public void load() {
    branchKeys.current();
  }
}

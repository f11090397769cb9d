package com.twofactor.aws.keys;

import io.micronaut.context.annotation.Requires;
import io.micronaut.crac.OrderedResource;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Keeps branch keys out of SnapStart snapshots: whatever an instance opened is dropped before the
 * snapshot is taken and again after each restore, so every restored sandbox opens the key itself
 * (one KMS {@code Decrypt}) instead of sharing one opened before the snapshot. Thread-safe
 * (stateless; {@link TableBranchKeys#forget()} is).
 */
@Requires(classes = KmsClient.class)
@Singleton
public final class BranchKeySnapshotGuard implements OrderedResource {
  private final io.micronaut.context.BeanProvider<TableBranchKeys> branchKeys;

  public BranchKeySnapshotGuard(io.micronaut.context.BeanProvider<TableBranchKeys> branchKeys) {
    this.branchKeys = branchKeys;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    branchKeys.get().forget();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    branchKeys.get().forget();
  }
}

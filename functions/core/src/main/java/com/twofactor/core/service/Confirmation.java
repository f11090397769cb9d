package com.twofactor.core.service;

import java.util.List;

/**
 * The outcome of confirming a method: the new status, and the backup codes when this confirmation
 * made the user's first set (shown this once; empty otherwise).
 */
public record Confirmation(TwoFactorStatus status, List<String> newBackupCodes) {
  public Confirmation {
    newBackupCodes = List.copyOf(newBackupCodes);
  }

  @Override
  public String toString() {
    return "Confirmation[" + status + ", newBackupCodes=" + newBackupCodes.size() + "]";
  }
}

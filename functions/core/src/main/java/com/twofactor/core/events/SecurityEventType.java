package com.twofactor.core.events;

/**
 * The kinds of security event the service publishes; each name is the EventBridge {@code
 * detail-type} and the {@code type} field of the detail, and never changes once published.
 */
public enum SecurityEventType {
  TwoFactorEnabled,
  TwoFactorDisabled,
  PhoneChanged,
  BackupCodesRegenerated,
  BackupCodeUsed,
  LockedOut,
  OrgTwoFactorRequirementChanged,
  OrgMemberNonCompliant
}

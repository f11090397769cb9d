package com.twofactor.core.port;

/**
 * Receives security-relevant events (docs/security-rules.md rule 9). Implementations must not
 * throw: an audit sink that fails is reported by the sink itself, and never changes what the user
 * was told.
 */
public interface AuditLog {

  void record(AuditEvent event);
}

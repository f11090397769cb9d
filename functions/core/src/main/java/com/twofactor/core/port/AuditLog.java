package com.twofactor.core.port;

/**
 * Receives security-relevant events (docs/security-rules.md rule 9). Implementations must not
 * throw: an audit sink that fails is reported by the sink itself, and never changes what the user
 * was told.
 *
 * <p>Implementations must be thread-safe: one instance serves every request of a container.
 */
public interface AuditLog {

  void record(AuditEvent event);
}

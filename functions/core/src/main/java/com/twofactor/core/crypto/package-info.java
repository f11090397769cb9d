/**
 * Symmetric cryptography under the deployment's branch key: HKDF-SHA256 (RFC 5869), per-user
 * AES-256-GCM keys derived from it, and the pepper of the backup-code hashes. JCE only, so the hot
 * path (TOTP verify, SMS send, backup-code consume) makes no KMS call on a warm instance.
 */
package com.twofactor.core.crypto;

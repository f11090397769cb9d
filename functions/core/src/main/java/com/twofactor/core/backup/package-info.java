/**
 * Backup codes themselves: their alphabet and format, drawing them, reading what people type, and
 * the PBKDF2 hashing that checks a guess against a stored set (docs/security-rules.md rule 4).
 */
package com.twofactor.core.backup;

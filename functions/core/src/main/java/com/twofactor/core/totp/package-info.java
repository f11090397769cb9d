/**
 * TOTP per RFC 6238 (docs/security-rules.md rule 1): secrets, codes with replay protection, base32,
 * the otpauth URI and its QR code as SVG.
 */
package com.twofactor.core.totp;

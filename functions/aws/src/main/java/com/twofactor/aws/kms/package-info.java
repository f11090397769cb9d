/**
 * The KMS adapter of the secret-sealing port, with the encryption context {userId, purpose}
 * (docs/security-rules.md rule 2).
 */
package com.twofactor.aws.kms;

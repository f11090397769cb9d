/** The SNS adapter that texts codes, as Transactional messages (docs/security-rules.md rule 3). */
package com.twofactor.aws.sns;

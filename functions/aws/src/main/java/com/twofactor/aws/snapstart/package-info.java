/**
 * Priming: warms classes and clients on a background thread at Lambda init and before a SnapStart
 * snapshot, without drawing a secret, opening a key or sending a request to AWS (the warming calls
 * are signed with placeholder keys and never sent); and what a snapshot must and must not hold.
 */
package com.twofactor.aws.snapstart;

/**
 * SnapStart priming: warms classes and clients before the snapshot without drawing a secret or
 * sending a request to AWS (the warming read is signed with placeholder keys and never sent).
 */
package com.twofactor.aws.snapstart;

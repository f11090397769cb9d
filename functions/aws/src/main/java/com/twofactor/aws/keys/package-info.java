/**
 * Keys that live KMS-sealed in the table (such as the per-number SMS key): made once per
 * deployment, opened once per instance, never during SnapStart priming.
 */
package com.twofactor.aws.keys;

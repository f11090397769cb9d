/**
 * The DynamoDB adapters of the store ports on one table (docs/data-model.md): user states, orgs
 * with their memberships and invitations, per-number send logs; reflection-free item mappings, and
 * the decoding of stream images.
 */
package com.twofactor.aws.dynamodb;

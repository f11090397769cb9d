/**
 * The stored state of one user's second factors ({@link com.twofactor.core.model.UserTwoFactor})
 * and its parts: immutable values, read and written as a unit under a version (docs/data-model.md).
 * No behaviour beyond small queries on the values themselves.
 */
package com.twofactor.core.model;

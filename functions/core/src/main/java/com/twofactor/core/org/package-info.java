/**
 * Organizations, memberships, invitations and roles as immutable values: what the "Require
 * two-factor" switch and the access check decide on.
 */
package com.twofactor.core.org;

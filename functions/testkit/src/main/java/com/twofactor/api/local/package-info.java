/**
 * The switch that puts the in-memory ports of {@code com.twofactor.core.testing} in place of the
 * AWS adapters ({@code two-factor.ports=in-memory}; never on Lambda). Module {@code testkit}: tests
 * and the dev server only. The package keeps its historic name until the packages are renamed.
 */
package com.twofactor.api.local;

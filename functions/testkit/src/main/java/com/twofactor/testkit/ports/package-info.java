/**
 * The switch that puts the in-memory ports of {@code com.twofactor.testkit} in place of the AWS
 * adapters ({@code two-factor.ports=in-memory}; never on Lambda). Module {@code testkit}: tests and
 * the dev server only.
 */
package com.twofactor.testkit.ports;

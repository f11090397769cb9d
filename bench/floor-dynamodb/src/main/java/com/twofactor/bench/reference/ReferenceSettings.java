package com.twofactor.bench.reference;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;

/**
 * Where the reference's calls go, set by the benchmark as system properties ({@code reference.*}).
 * Immutable.
 *
 * @param region the region the client signs for
 * @param table the benchmark's table
 * @param dynamodbEndpoint the counting proxy in front of dynalite
 */
@ConfigurationProperties("reference")
public record ReferenceSettings(String region, String table, URI dynamodbEndpoint) {}

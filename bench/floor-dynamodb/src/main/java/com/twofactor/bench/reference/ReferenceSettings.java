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
 * @param primed whether the client is built and its calls made once on a background thread at init
 *     ({@link ReferenceClientStart})
 */
@ConfigurationProperties("reference")
public record ReferenceSettings(
    String region, String table, URI dynamodbEndpoint, boolean primed) {}

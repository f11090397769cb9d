/**
 * The HTTP connections under the AWS SDK clients: the SDK's URL-connection client over JDK
 * connections that send each request body buffered, so a kept-alive connection is reused without
 * the JDK's one-millisecond liveness probe.
 */
package com.twofactor.aws.http;

/**
 * Typed configuration and the AWS clients, built once per container: explicit region, the runtime's
 * credentials provider, the URL-connection HTTP client, and the interceptors tests attach.
 */
package com.twofactor.aws.config;

/**
 * The benchmark's warm reference: the floor function (bench/floor) plus a function's DynamoDB
 * calls, made through the AWS SDK client configured as the service's functions configure theirs.
 * What a measured function takes beyond this reference is its own work.
 */
package com.twofactor.bench.reference;

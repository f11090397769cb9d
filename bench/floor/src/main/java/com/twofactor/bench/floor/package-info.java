/** The benchmark's floor function: a bare Micronaut API Gateway proxy function, one controller. */
package com.twofactor.bench.floor;

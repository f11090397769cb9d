/**
 * The Lambda benchmark (README "Benchmark"): each function jar of template.yaml and a bare
 * Micronaut floor, cold and warm, under the real Lambda runtime interface client. Run only under
 * profile {@code bench}.
 */
package com.twofactor.bench;

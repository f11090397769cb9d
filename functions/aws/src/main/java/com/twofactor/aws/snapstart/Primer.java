package com.twofactor.aws.snapstart;

/**
 * One part of the request path to warm before the first request: it loads classes and builds what a
 * request will need, but draws no secret random number (the SDK's own invocation ids aside), opens
 * no key, creates no secret and sends nothing (AWS calls made while priming are signed with
 * placeholder credentials and answered without transmission, see {@link PrimingHttpClient}). {@link
 * PrimingRun} runs every primer once per instance: on a background thread at Lambda init, or, if
 * nothing started it there, before a SnapStart snapshot. An implementation must be thread-safe and
 * must swallow its own failures: priming only ever costs warmth, never correctness.
 */
public interface Primer {

  /** Warms this part; never throws. */
  void prime();
}

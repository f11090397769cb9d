package com.twofactor.aws.snapstart;

/**
 * Work at Lambda init that needs the function's real credentials: opening what the first request
 * would otherwise open itself (the branch key), so its round trips to DynamoDB and KMS overlap the
 * framework's start-up instead of adding to the first request. {@link PrimingRun} runs every load
 * once, on the priming thread before the primers, and only where init has the execution role's
 * credentials and is never snapshotted ({@code AwsConfiguration#isInitWithCredentials()}: on-demand
 * and provisioned-concurrency inits); never before a SnapStart snapshot, in tests or in the dev
 * server. A load must respect the limits a request would (a key opened at most once per instance
 * per ten minutes); a load that fails is logged and costs only warmth: the first request does the
 * work. Implementations must be thread-safe.
 */
public interface InitTimeLoad {

  /** Opens or reads what this load is for; may throw (the run logs it and goes on). */
  void load();
}

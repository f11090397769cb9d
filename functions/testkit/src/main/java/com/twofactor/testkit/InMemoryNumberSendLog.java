package com.twofactor.testkit;

import com.twofactor.core.model.NumberSends;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.StaleStateException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link NumberSendLog} in a map, with the same conditional-write contract as the DynamoDB one.
 * Thread-safe: each save is one atomic {@code compute}.
 */
public final class InMemoryNumberSendLog implements NumberSendLog {
  private final ConcurrentMap<String, NumberSends> records = new ConcurrentHashMap<>();

  @Override
  public NumberSends load(String numberDigest) {
    return records.getOrDefault(numberDigest, NumberSends.none(numberDigest));
  }

  @Override
  public NumberSends save(NumberSends sends) {
    return records.compute(
        sends.numberDigest(),
        (digest, stored) -> {
          long storedVersion = stored == null ? 0 : stored.version();
          if (storedVersion != sends.version()) {
            throw new StaleStateException(digest, sends.version());
          }
          return sends.withVersion(sends.version() + 1);
        });
  }
}

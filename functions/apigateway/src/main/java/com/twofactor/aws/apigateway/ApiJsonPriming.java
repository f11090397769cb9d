package com.twofactor.aws.apigateway;

import com.twofactor.api.json.StatusResponse;
import com.twofactor.aws.snapstart.Primer;
import com.twofactor.core.service.TwoFactorStatus;
import com.twofactor.core.service.TwoFactorStatus.BackupCodeSummary;
import com.twofactor.core.service.TwoFactorStatus.MethodStatus;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the API functions' JSON path (see PrimingRun for when): one status answer of a user with
 * nothing enrolled, serialized and dropped (the table read and the rest are the adapters'
 * SnapStartPriming). Draws nothing random and touches no secret. A failure only costs warmth.
 * Thread-safe (stateless after construction).
 */
@Singleton
final class ApiJsonPriming implements Primer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiJsonPriming.class);

  private static final TwoFactorStatus NOTHING_ENROLLED =
      new TwoFactorStatus(
          false, MethodStatus.NONE, MethodStatus.NONE, BackupCodeSummary.NONE, List.of(), null);

  private final ObjectMapper json;

  ApiJsonPriming(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void prime() {
    try {
      json.writeValueAsString(StatusResponse.from(NOTHING_ENROLLED));
    } catch (IOException | RuntimeException e) {
      LOG.warn("priming of the JSON path failed: {}", e.toString());
    }
  }
}

package com.twofactor.fuzz;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The leak check itself: what it must flag, and the false leak a fuzzer found. */
@Tag("fuzz")
class FuzzOracleTest {
  private final FuzzWorld world = FuzzWorld.get();

  @Test
  void aSecretInTheText_thatTheCallerDidNotSend_isALeak() {
    assertThatThrownBy(
            () ->
                world.assertNoSecretIn(
                    "log line", "texted " + FuzzWorld.VICTIM_PHONE, "an input without it"))
        .isInstanceOf(AssertionError.class);
  }

  /**
   * The audit log writes a caller's U+0012 as the six characters <code>&#92;u0012</code>; its last
   * digit followed by what the caller sent next spells the victim's number without the "+1".
   */
  @Test
  void aSecretSpelledOnlyByAnEscapesLastDigit_isNotALeak() {
    String tail = FuzzWorld.VICTIM_PHONE.substring(3);
    String logged = "{\"subject\":\"\\u0012" + tail + "\"}";
    String sent = (char) 0x12 + tail;

    assertThatCode(() -> world.assertNoSecretIn("log line", logged, sent))
        .doesNotThrowAnyException();
  }
}

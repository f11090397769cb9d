package com.twofactor.aws.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PrimingScopeTest {
  private final PrimingScope scope = new PrimingScope();

  @Test
  void aRunInsideARun_leavesTheOuterOneInScope_andTheScopeEndsWithTheOuterRun() {
    List<Boolean> seen = new ArrayList<>();

    scope.run(
        () -> {
          scope.run(() -> seen.add(scope.active()));
          seen.add(scope.active());
        });

    assertThat(seen).containsExactly(true, true);
    assertThat(scope.active()).isFalse();
  }

  @Test
  void theScopeEnds_whenTheWorkThrows() {
    try {
      scope.run(
          () -> {
            throw new IllegalStateException("failed");
          });
    } catch (IllegalStateException expected) {
      // The work's failure is the caller's.
    }

    assertThat(scope.active()).isFalse();
  }
}

package com.twofactor.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.InvalidRequestException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class BackupCodesTest {
  private final BackupCodeHasher codes = new BackupCodeHasher(1_000);

  @Test
  void generate_makesDistinctXxxxDashXxxxCodesWithoutLookAlikes() {
    List<String> set = BackupCodeHasher.generate(new SecureRandom(), 10);

    assertThat(set)
        .hasSize(10)
        .allMatch(c -> c.matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}"));
    assertThat(new HashSet<>(set)).hasSize(10);
    assertThat(String.join("", set)).doesNotContain("i", "l", "o", "u");
  }

  @Test
  void alphabet_has32SymbolsSoEachCodeCarries40Bits() {
    assertThat(BackupCodeHasher.ALPHABET).hasSize(32);
    assertThat(new HashSet<>(BackupCodeHasher.ALPHABET.chars().boxed().toList())).hasSize(32);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ab1d-2k0z", "AB1D-2K0Z", "ab1d2k0z", " ab1d 2k0z ", "AB1D 2KOZ", "abld-2k0z"})
  void canonical_acceptsAnyCaseWithOrWithoutTheHyphenAndReadsLookAlikes(String typed) {
    assertThat(BackupCodeHasher.canonical(typed)).isEqualTo("ab1d2k0z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab1d-2k0", "ab1d-2k0zz", "ab1d-2k0u", "123456", "", "ab1d_2k0z"})
  void canonical_refusesWhatCannotBeABackupCode(String typed) {
    assertThatThrownBy(() -> BackupCodeHasher.canonical(typed))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("code"));
  }

  @Test
  void find_locatesOnlyAnUnusedCodeOfTheSet() {
    String salt = BackupCodeHasher.newSalt(new SecureRandom());
    List<String> hashes =
        List.of(
            codes.hash(salt, "aaaa2222"),
            codes.hash(salt, "bbbb3333"),
            codes.hash(salt, "cccc4444"));

    assertThat(
            BackupCodeHasher.find(
                codes.derive(salt, "bbbb3333"), hashes, List.of(false, false, false)))
        .isEqualTo(1);
    assertThat(
            BackupCodeHasher.find(
                codes.derive(salt, "bbbb3333"), hashes, List.of(false, true, false)))
        .isEqualTo(-1);
    assertThat(
            BackupCodeHasher.find(
                codes.derive(salt, "dddd5555"), hashes, List.of(false, false, false)))
        .isEqualTo(-1);
  }

  @Test
  void hash_dependsOnTheSalt() {
    SecureRandom random = new SecureRandom();

    assertThat(codes.hash(BackupCodeHasher.newSalt(random), "aaaa2222"))
        .isNotEqualTo(codes.hash(BackupCodeHasher.newSalt(random), "aaaa2222"));
  }
}

package com.twofactor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The regression corpus holds every file of events/, byte for byte: API events under {@code
 * ApiFuzzTestInputs/apiEvent/<function>/}, trigger events under {@code
 * CognitoFuzzTestInputs/triggerEvent/} (functions/fuzz/pom.xml copies them at
 * process-test-resources).
 */
@Tag("fuzz")
class FuzzCorpusTest {

  private static List<Path> eventFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of(System.getProperty("events.dir")), 2)) {
      return files
          .filter(f -> f.getNameCount() > 0 && f.toString().endsWith(".json"))
          .filter(f -> !f.getParent().equals(Path.of(System.getProperty("events.dir"))))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyEventFileIsInTheCorpus() throws IOException {
    List<Path> files = eventFiles();
    assertThat(files).hasSizeGreaterThan(50);
    for (Path file : files) {
      String function = file.getParent().getFileName().toString();
      String resource =
          function.equals("cognito-auth")
              ? "CognitoFuzzTestInputs/triggerEvent/" + file.getFileName()
              : "ApiFuzzTestInputs/apiEvent/" + function + "/" + file.getFileName();
      try (InputStream corpus = FuzzCorpusTest.class.getResourceAsStream(resource)) {
        assertThat(corpus).as("%s in the corpus as %s", file, resource).isNotNull();
        assertThat(corpus.readAllBytes()).as(resource).isEqualTo(Files.readAllBytes(file));
      }
    }
  }
}

package com.twofactor.aws.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.api.http.Problems;
import com.twofactor.core.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docs/error-codes.md is the error table of the contract: it names every code, at its status. */
@Tag("unit")
class ErrorCodesDocTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| (\\d{3}) \\|");

  @Test
  void theDocumentListsEveryErrorCodeWithTheStatusItIsAnsweredWith() throws IOException {
    Map<String, Integer> documented = new TreeMap<>();
    for (String line : Files.readAllLines(document())) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        documented.put(row.group(1), Integer.parseInt(row.group(2)));
      }
    }

    Map<String, Integer> answered =
        Arrays.stream(ErrorCode.values())
            .collect(
                Collectors.toMap(
                    ErrorCode::wireValue,
                    code -> Problems.status(code).getCode(),
                    (a, b) -> a,
                    TreeMap::new));
    assertThat(documented).isEqualTo(answered);
  }

  private static Path document() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs/error-codes.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "docs/error-codes.md not found above " + Path.of("").toAbsolutePath());
  }
}

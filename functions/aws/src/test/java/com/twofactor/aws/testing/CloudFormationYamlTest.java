package com.twofactor.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;

/** The template reader every template test relies on: intrinsics kept, repeated keys refused. */
@Tag("unit")
class CloudFormationYamlTest {
  @TempDir Path dir;

  private Path template(String text) throws IOException {
    return Files.writeString(dir.resolve("template.yaml"), text);
  }

  @Test
  void readsShortFormIntrinsicsAsOneEntryMaps() throws IOException {
    Map<String, Object> doc =
        CloudFormationYaml.read(template("Outputs:\n  Url:\n    Value: !Ref Api\n"));

    assertThat(doc)
        .extracting("Outputs")
        .extracting("Url")
        .isEqualTo(Map.of("Value", Map.of("!Ref", "Api")));
  }

  @Test
  void refusesAMappingThatRepeatsAKey() throws IOException {
    Path repeated =
        template(
            """
            Parameters:
              AllowedOrigins:
                Type: String
                Description: Browser origins that may call the API.
                Description: SNS topic for alarm notifications.
            """);

    assertThatThrownBy(() -> CloudFormationYaml.read(repeated))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("Description");
  }
}

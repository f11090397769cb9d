package com.twofactor.aws.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation/SAM template as plain maps, with the short-form intrinsics ({@code !Ref},
 * {@code !Sub}, {@code !GetAtt}, ...) as one-entry maps such as {@code {"!Ref": "Api"}}: the one
 * reader the template tests and the Lambda-environment harness share. Thread-safe (stateless).
 */
public final class CloudFormationYaml {
  private CloudFormationYaml() {}

  /** The template at {@code file}, as maps and lists. */
  public static Map<String, Object> read(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      return new Yaml(new IntrinsicsConstructor()).load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A mapping that repeats a key is an error to cfn-lint, and a lenient reader keeps only the last
   * value without a word (the template once gave {@code AllowedOrigins} the alarm topic's
   * description that way); this reader refuses it, so every template test fails on one.
   */
  private static LoaderOptions strict() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return options;
  }

  private static final class IntrinsicsConstructor extends SafeConstructor {
    IntrinsicsConstructor() {
      super(strict());
      yamlMultiConstructors.put(
          "!",
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              String tag = node.getTag().getValue();
              Object value;
              if (node instanceof ScalarNode scalar) {
                value = constructScalar(scalar);
              } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
              } else {
                value = constructMapping((MappingNode) node);
              }
              return Map.of(tag, value == null ? List.of() : value);
            }
          });
    }
  }
}

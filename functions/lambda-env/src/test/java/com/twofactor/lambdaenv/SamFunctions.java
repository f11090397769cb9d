package com.twofactor.lambdaenv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * The functions template.yaml deploys, read from the template itself so the harness runs exactly
 * the jar and handler Lambda would: each {@code AWS::Serverless::Function}'s {@code CodeUri}, its
 * {@code Handler} (or the global one), memory size and the global {@code JAVA_TOOL_OPTIONS}.
 * Immutable.
 */
public record SamFunctions(Map<String, Function> functions, String javaToolOptions) {

  /** One function: its logical id, its jar (absolute), handler and memory. */
  public record Function(String logicalId, Path jar, String handler, int memoryMb) {}

  @SuppressWarnings("unchecked")
  public static SamFunctions load(Path projectRoot) {
    Map<String, Object> template;
    try (Reader reader = Files.newBufferedReader(projectRoot.resolve("template.yaml"))) {
      template = new Yaml(new CloudFormationConstructor()).load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> globals =
        (Map<String, Object>)
            ((Map<String, Object>) template.getOrDefault("Globals", Map.of()))
                .getOrDefault("Function", Map.of());
    Map<String, Object> globalVariables =
        (Map<String, Object>)
            ((Map<String, Object>) globals.getOrDefault("Environment", Map.of()))
                .getOrDefault("Variables", Map.of());
    Map<String, Function> functions = new LinkedHashMap<>();
    Map<String, Map<String, Object>> resources =
        (Map<String, Map<String, Object>>) template.get("Resources");
    resources.forEach(
        (id, resource) -> {
          if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
            Map<String, Object> p = (Map<String, Object>) resource.get("Properties");
            Object handler = p.getOrDefault("Handler", globals.get("Handler"));
            Object memory = p.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 1024));
            functions.put(
                id,
                new Function(
                    id,
                    projectRoot.resolve((String) p.get("CodeUri")),
                    (String) handler,
                    ((Number) memory).intValue()));
          }
        });
    return new SamFunctions(
        Map.copyOf(functions),
        String.valueOf(globalVariables.getOrDefault("JAVA_TOOL_OPTIONS", "")));
  }

  public Function function(String logicalId) {
    Function function = functions.get(logicalId);
    if (function == null) {
      throw new IllegalArgumentException(logicalId + " is not in template.yaml");
    }
    return function;
  }

  /** Reads CloudFormation's short-form intrinsics (!Ref, !Sub, ...) as {"!Ref": value} maps. */
  private static final class CloudFormationConstructor extends SafeConstructor {
    CloudFormationConstructor() {
      super(new LoaderOptions());
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

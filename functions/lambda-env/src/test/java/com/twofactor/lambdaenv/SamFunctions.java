package com.twofactor.lambdaenv;

import com.twofactor.aws.testing.CloudFormationYaml;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions template.yaml deploys, read from the template itself so the harness runs exactly
 * the jar and handler Lambda would: each {@code AWS::Serverless::Function}'s {@code CodeUri}, its
 * {@code Handler} (or the global one), memory size, the variables its own {@code Environment} sets
 * to a plain value or to a template parameter given a value (as {@code sam deploy
 * --parameter-overrides} would), and the global {@code JAVA_TOOL_OPTIONS}. Immutable.
 */
public record SamFunctions(Map<String, Function> functions, String javaToolOptions) {

  /**
   * One function: its logical id, its jar (absolute), handler, memory, and the variables its own
   * {@code Environment} sets to a plain string or to a given parameter ({@code !Ref P}, or {@code
   * !Join [sep, !Ref P]} of a list parameter); those naming a resource or a parameter not given
   * have no value before deployment, and callers set their own.
   */
  public record Function(
      String logicalId, Path jar, String handler, int memoryMb, Map<String, String> variables) {}

  /** The functions with no parameter given. */
  public static SamFunctions load(Path projectRoot) {
    return load(projectRoot, Map.of());
  }

  /**
   * The functions deployed with {@code parameters} (name to value; a list parameter's value
   * comma-separated).
   */
  @SuppressWarnings("unchecked")
  public static SamFunctions load(Path projectRoot, Map<String, String> parameters) {
    Map<String, Object> template = CloudFormationYaml.read(projectRoot.resolve("template.yaml"));
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
            Map<String, String> variables = new LinkedHashMap<>();
            ((Map<String, Object>)
                    ((Map<String, Object>) p.getOrDefault("Environment", Map.of()))
                        .getOrDefault("Variables", Map.of()))
                .forEach(
                    (name, value) ->
                        resolve(value, parameters).ifPresent(v -> variables.put(name, v)));
            functions.put(
                id,
                new Function(
                    id,
                    projectRoot.resolve((String) p.get("CodeUri")),
                    (String) handler,
                    ((Number) memory).intValue(),
                    Map.copyOf(variables)));
          }
        });
    return new SamFunctions(
        Map.copyOf(functions),
        String.valueOf(globalVariables.getOrDefault("JAVA_TOOL_OPTIONS", "")));
  }

  /** A variable's value: a plain string, or a given parameter by {@code !Ref} or {@code !Join}. */
  @SuppressWarnings("unchecked")
  private static Optional<String> resolve(Object value, Map<String, String> parameters) {
    if (value instanceof String plain) {
      return Optional.of(plain);
    }
    if (value instanceof Map<?, ?> intrinsic && intrinsic.get("!Ref") instanceof String name) {
      return Optional.ofNullable(parameters.get(name));
    }
    if (value instanceof Map<?, ?> intrinsic
        && intrinsic.get("!Join") instanceof List<?> join
        && join.size() == 2
        && join.get(0) instanceof String separator) {
      return resolve(join.get(1), parameters)
          .map(list -> String.join(separator, list.split(",", -1)));
    }
    return Optional.empty();
  }

  public Function function(String logicalId) {
    Function function = functions.get(logicalId);
    if (function == null) {
      throw new IllegalArgumentException(logicalId + " is not in template.yaml");
    }
    return function;
  }
}

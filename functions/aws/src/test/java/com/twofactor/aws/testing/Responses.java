package com.twofactor.aws.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a proxy response: headers (whichever of the two header maps the handler filled), problem
 * fields.
 */
public final class Responses {
  private Responses() {}

  public static Optional<String> header(APIGatewayProxyResponseEvent response, String name) {
    Optional<String> single = find(response.getHeaders(), name);
    if (single.isPresent()) {
      return single;
    }
    Map<String, List<String>> multi = response.getMultiValueHeaders();
    return multi == null
        ? Optional.empty()
        : multi.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
            .map(e -> e.getValue().get(0))
            .findFirst();
  }

  private static Optional<String> find(Map<String, String> headers, String name) {
    return headers == null
        ? Optional.empty()
        : headers.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst();
  }

  /** The {@code field} of each entry of a problem's {@code errors}, in order. */
  public static List<Object> errorFields(Map<String, Object> problem) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
    return errors == null ? List.of() : errors.stream().map(e -> e.get("field")).toList();
  }
}

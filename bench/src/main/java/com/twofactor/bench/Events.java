package com.twofactor.bench;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The repository's event files ({@code events/}) made into the benchmark's invokes: the same API
 * Gateway and Cognito events the contract tests run, with the caller, body or path of the run's
 * users put in; and the answers read back. Immutable.
 */
@SuppressWarnings("unchecked")
final class Events {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();
  private static final Argument<Map<String, Object>> OBJECT =
      Argument.mapOf(String.class, Object.class);

  private final Path dir;

  Events(Path dir) {
    this.dir = dir;
  }

  /** The event file as it is. */
  String raw(String relativePath) {
    try {
      return Files.readString(dir.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An API Gateway event from {@code relativePath} by {@code user}, with {@code body} if given. */
  String api(String relativePath, Users.User user, String body) {
    Map<String, Object> event = parse(raw(relativePath));
    Map<String, Object> claims =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) event.get("requestContext")).get("authorizer"))
                .get("claims");
    claims.put("sub", user.sub());
    claims.put("email", user.email());
    claims.put("cognito:username", user.email());
    if (body != null) {
      event.put("body", body);
    }
    return write(event);
  }

  /** An API Gateway event for {@code path} with path parameter {@code name = value}. */
  String api(String relativePath, Users.User user, String path, String name, String value) {
    Map<String, Object> event = parse(api(relativePath, user, null));
    event.put("path", path);
    event.put("pathParameters", Map.of(name, value));
    ((Map<String, Object>) event.get("requestContext")).put("path", "/prod" + path);
    return write(event);
  }

  /** A Cognito trigger event for {@code user}, with {@code challengeAnswer} if given. */
  String cognito(String relativePath, Users.User user, String challengeAnswer) {
    Map<String, Object> event = parse(raw(relativePath));
    event.put("userName", user.email());
    Map<String, Object> request = (Map<String, Object>) event.get("request");
    Map<String, Object> attributes = (Map<String, Object>) request.get("userAttributes");
    attributes.put("sub", user.sub());
    attributes.put("email", user.email());
    if (challengeAnswer != null) {
      request.put("challengeAnswer", challengeAnswer);
    }
    return write(event);
  }

  /** An API Gateway answer: its status and its JSON body (empty when it has none). */
  record Answer(int status, String body, Map<String, Object> json) {
    List<String> strings(String object, String field) {
      return (List<String>) ((Map<String, Object>) json.get(object)).get(field);
    }
  }

  static Answer answer(String lambdaAnswer) {
    Map<String, Object> response = parse(lambdaAnswer);
    String body = (String) response.get("body");
    Map<String, Object> json =
        body == null || !body.startsWith("{") ? Map.of() : Events.parse(body);
    return new Answer(((Number) response.get("statusCode")).intValue(), body, json);
  }

  /** An API Gateway answer that must have {@code status}; fails with the answer otherwise. */
  static Answer expect(int status, String lambdaAnswer) {
    Answer answer = answer(lambdaAnswer);
    if (answer.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + lambdaAnswer);
    }
    return answer;
  }

  /** A Cognito trigger answer's {@code response} object. */
  static Map<String, Object> cognitoResponse(String lambdaAnswer) {
    return (Map<String, Object>) parse(lambdaAnswer).get("response");
  }

  static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, OBJECT);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON object: " + json, e);
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

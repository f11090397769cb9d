package com.twofactor.aws.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

@Tag("unit")
class PrimingHttpClientTest {
  private final PrimingScope scope = new PrimingScope();
  private final RecordingClient real = new RecordingClient();
  private final PrimingHttpClient client = new PrimingHttpClient(real, scope);

  @Test
  void whilePriming_theRealClientPreparesAndIsAborted_andAReadIsAnsweredWithoutSending()
      throws IOException {
    List<HttpExecuteResponse> answers = new ArrayList<>();

    scope.run(() -> answers.add(call("DynamoDB_20120810.GetItem")));

    assertThat(real.events).containsExactly("prepare", "abort");
    HttpExecuteResponse answer = answers.get(0);
    assertThat(answer.httpResponse().statusCode()).isEqualTo(200);
    assertThat(
            new String(answer.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{}");
  }

  @Test
  void whilePriming_anyOtherCall_isRefusedWithoutSending_soAWriteNeverLooksDone()
      throws IOException {
    List<HttpExecuteResponse> answers = new ArrayList<>();

    scope.run(
        () -> {
          answers.add(call("DynamoDB_20120810.PutItem"));
          answers.add(call("TrentService.Encrypt"));
          answers.add(call(null));
        });

    assertThat(real.events)
        .containsExactly("prepare", "abort", "prepare", "abort", "prepare", "abort");
    for (HttpExecuteResponse answer : answers) {
      assertThat(answer.httpResponse().statusCode()).isEqualTo(400);
      assertThat(
              new String(
                  answer.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
          .contains("ValidationException");
    }
  }

  @Test
  void outsidePriming_theCallGoesToTheRealClient() {
    call("DynamoDB_20120810.GetItem");

    assertThat(real.events).containsExactly("prepare", "call");
  }

  @Test
  void theScopeIsPerThread_anotherThreadsCallIsSent() {
    scope.run(
        () -> {
          Thread other = new Thread(() -> call("DynamoDB_20120810.GetItem"));
          other.start();
          try {
            other.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    assertThat(real.events).containsExactly("prepare", "call");
  }

  /** A POST as the SDK's JSON clients send it, naming its operation in X-Amz-Target. */
  private HttpExecuteResponse call(String target) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("https://dynamodb.us-east-1.amazonaws.com/"));
    if (target != null) {
      request.putHeader("X-Amz-Target", target);
    }
    try {
      return client
          .prepareRequest(HttpExecuteRequest.builder().request(request.build()).build())
          .call();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records what is asked of it; a sent call gets a 500 so a test can tell it apart. */
  private static final class RecordingClient implements SdkHttpClient {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      events.add("prepare");
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          events.add("call");
          return HttpExecuteResponse.builder()
              .response(SdkHttpResponse.builder().statusCode(500).build())
              .build();
        }

        @Override
        public void abort() {
          events.add("abort");
        }
      };
    }

    @Override
    public void close() {}
  }
}

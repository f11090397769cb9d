package com.twofactor.aws.snapstart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The AWS clients' HTTP client, which answers the calls made while {@link PrimingScope} is active
 * itself: the real client prepares the request (a connection object, no I/O) and is aborted before
 * anything is sent, and the call gets an empty JSON document with status 200, so the SDK's response
 * path (status check, unmarshalling, retry bookkeeping) is warmed as well as the request path. For
 * DynamoDB that reads as "no such item", for KMS as a response without plaintext. No byte reaches
 * AWS, no connection is opened or kept, and nothing is retried. Other calls go to the real client
 * unchanged. Thread-safe: the scope is per thread, the real client is thread-safe.
 */
public final class PrimingHttpClient implements SdkHttpClient {
  /** The {@code X-Amz-Target} of the calls answered as if they succeeded: reads, nothing else. */
  private static final Set<String> ANSWERED =
      Set.of("DynamoDB_20120810.GetItem", "TrentService.Decrypt");

  private static final byte[] EMPTY_DOCUMENT = "{}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] REFUSED =
      "{\"__type\":\"ValidationException\",\"message\":\"priming: not sent\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final SdkHttpClient client;
  private final PrimingScope scope;

  public PrimingHttpClient(SdkHttpClient client, PrimingScope scope) {
    this.client = client;
    this.scope = scope;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    if (!scope.active()) {
      return client.prepareRequest(request);
    }
    client.prepareRequest(request).abort();
    boolean read =
        request
            .httpRequest()
            .firstMatchingHeader("X-Amz-Target")
            .filter(ANSWERED::contains)
            .isPresent();
    return read ? new Answered(200, EMPTY_DOCUMENT) : new Answered(400, REFUSED);
  }

  @Override
  public String clientName() {
    return client.clientName();
  }

  @Override
  public void close() {
    client.close();
  }

  /** A primed call's answer. */
  private static final class Answered implements ExecutableHttpRequest {
    private final int status;
    private final byte[] body;

    Answered(int status, byte[] body) {
      this.status = status;
      this.body = body;
    }

    @Override
    public HttpExecuteResponse call() {
      return HttpExecuteResponse.builder()
          .response(
              SdkHttpResponse.builder()
                  .statusCode(status)
                  .putHeader("Content-Type", "application/x-amz-json-1.0")
                  .putHeader("Content-Length", Integer.toString(body.length))
                  .build())
          .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
          .build();
    }

    @Override
    public void abort() {
      // Nothing is under way.
    }
  }
}

package com.twofactor.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.DependencyUnavailableException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;

/** Unprocessed keys, at the SDK's boundary (dynalite never leaves any). */
@Tag("unit")
class BatchReadsTest {
  private static final Map<String, AttributeValue> KEY = OrgItem.key("org-1");

  private final AtomicInteger calls = new AtomicInteger();

  /** A client whose BatchGetItem answers {@code answer} of the request, counting the calls. */
  @SuppressWarnings("unchecked")
  private DynamoDbClient answering(Function<BatchGetItemRequest, BatchGetItemResponse> answer) {
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("batchGetItem")) {
                throw new UnsupportedOperationException(method.getName());
              }
              calls.incrementAndGet();
              BatchGetItemRequest.Builder request = BatchGetItemRequest.builder();
              ((Consumer<BatchGetItemRequest.Builder>) args[0]).accept(request);
              return answer.apply(request.build());
            });
  }

  @Test
  void keysLeftUnprocessed_areAskedForAgain_andFound() {
    Map<String, AttributeValue> org = Map.of("pk", KEY.get("pk"), "sk", KEY.get("sk"));
    DynamoDbClient client =
        answering(
            request ->
                calls.get() == 1
                    ? BatchGetItemResponse.builder().unprocessedKeys(request.requestItems()).build()
                    : BatchGetItemResponse.builder().responses(Map.of("t", List.of(org))).build());
    List<Map<String, AttributeValue>> found = new ArrayList<>();

    BatchReads.read(client, "t", List.of(KEY), found::add);

    assertThat(found).containsExactly(org);
    assertThat(calls).hasValue(2);
  }

  @Test
  void keysThatStayUnprocessed_failTheReadAsUnavailable_afterBoundedCalls() {
    DynamoDbClient throttled =
        answering(
            request ->
                BatchGetItemResponse.builder().unprocessedKeys(request.requestItems()).build());

    assertThatThrownBy(() -> BatchReads.read(throttled, "t", List.of(KEY), item -> {}))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(calls).hasValue(BatchReads.MAX_ROUNDS);
  }
}

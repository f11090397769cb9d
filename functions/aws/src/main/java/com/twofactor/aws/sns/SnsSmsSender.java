package com.twofactor.aws.sns;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.port.SmsSender;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * {@link SmsSender} on SNS direct-to-phone publishing, as Transactional messages (delivered for
 * reliability, not price). The optional sender id, origination number and maximum price come from
 * configuration. Neither the number nor the message is logged. The SNS client is built on the first
 * send, not with this bean: most requests of a function that can send an SMS send none, and
 * building a client is a good part of a cold start. Thread-safe.
 */
// Only where the function declares the SNS client (aws declares it optional).
@Requires(classes = SnsClient.class)
@Singleton
public final class SnsSmsSender implements SmsSender {
  private final BeanProvider<SnsClient> sns;
  private final Map<String, MessageAttributeValue> attributes;

  public SnsSmsSender(BeanProvider<SnsClient> sns, AwsConfiguration config) {
    this.sns = sns;
    Map<String, MessageAttributeValue> attrs = new HashMap<>();
    attrs.put("AWS.SNS.SMS.SMSType", text("Transactional"));
    config.getSmsSenderId().ifPresent(id -> attrs.put("AWS.SNS.SMS.SenderID", text(id)));
    config
        .getSmsOriginationNumber()
        .ifPresent(n -> attrs.put("AWS.MM.SMS.OriginationNumber", text(n)));
    config
        .getSmsMaxPrice()
        .ifPresent(
            p ->
                attrs.put(
                    "AWS.SNS.SMS.MaxPrice",
                    MessageAttributeValue.builder().dataType("Number").stringValue(p).build()));
    this.attributes = Map.copyOf(attrs);
  }

  @Override
  public void send(String phoneNumber, String message) {
    try {
      sns.get()
          .publish(r -> r.phoneNumber(phoneNumber).message(message).messageAttributes(attributes));
    } catch (SdkException e) {
      throw new DependencyUnavailableException("SNS Publish", e);
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}

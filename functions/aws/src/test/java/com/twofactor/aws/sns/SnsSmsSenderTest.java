package com.twofactor.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.port.SmsSender;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The SNS adapter at the SDK boundary: the real SnsClient's Publish request, field by field. */
@Tag("dynalite")
class SnsSmsSenderTest {

  @Test
  void send_publishesATransactionalSmsToThePhoneNumber() {
    try (AwsTestContext aws = new AwsTestContext()) {
      aws.bean(SmsSender.class).send("+12015550123", "Acme code: 123456.");

      assertThat(aws.bean(SmsSender.class)).isInstanceOf(SnsSmsSender.class);
      assertThat(aws.sns.publishes())
          .singleElement()
          .satisfies(
              publish ->
                  assertThat(publish)
                      .containsEntry("Action", "Publish")
                      .containsEntry("PhoneNumber", "+12015550123")
                      .containsEntry("Message", "Acme code: 123456.")
                      .containsEntry("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType")
                      .containsEntry("MessageAttributes.entry.1.Value.DataType", "String")
                      .containsEntry("MessageAttributes.entry.1.Value.StringValue", "Transactional")
                      .doesNotContainKeys(
                          "TopicArn", "TargetArn", "MessageAttributes.entry.2.Name"));
    }
  }

  @Test
  void send_addsSenderIdOriginationNumberAndMaxPriceWhenConfigured() {
    try (AwsTestContext aws =
        new AwsTestContext(
            Map.of(
                "two-factor.aws.sms-sender-id", "ACME",
                "two-factor.aws.sms-origination-number", "+18005550100",
                "two-factor.aws.sms-max-price", "0.05"))) {
      aws.bean(SmsSender.class).send("+12015550123", "hello");

      Map<String, String> publish = aws.sns.publishes().get(0);
      Map<String, String> attributes = new java.util.HashMap<>();
      for (int i = 1; publish.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
        String prefix = "MessageAttributes.entry." + i;
        attributes.put(
            publish.get(prefix + ".Name"),
            publish.get(prefix + ".Value.DataType")
                + ":"
                + publish.get(prefix + ".Value.StringValue"));
      }
      assertThat(attributes)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "AWS.SNS.SMS.SMSType", "String:Transactional",
                  "AWS.SNS.SMS.SenderID", "String:ACME",
                  "AWS.MM.SMS.OriginationNumber", "String:+18005550100",
                  "AWS.SNS.SMS.MaxPrice", "Number:0.05"));
    }
  }

  @Test
  void send_failsClosedWhenSnsIsUnreachable() {
    try (AwsTestContext aws = new AwsTestContext()) {
      aws.faults.fail("Publish");

      assertThatThrownBy(() -> aws.bean(SmsSender.class).send("+12015550123", "x"))
          .isInstanceOf(DependencyUnavailableException.class);
      assertThat(aws.sns.publishes()).isEmpty();
    }
  }
}

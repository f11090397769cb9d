package com.twofactor.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.events.StoredChange;
import com.twofactor.core.model.NumberSends;
import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored format of orgs, memberships, invitations and per-number send logs is a contract with
 * every item already in a table: {@code fixtures/org-items.json} holds one of each exactly as the
 * code of commit bd96a7a wrote them (through the DynamoDB enhanced client's static schemas),
 * captured from dynalite. Today's mappings must read each into the same value and write that value
 * back attribute for attribute the same (see docs/data-model.md).
 */
@Tag("unit")
class OrgItemsFormatTest {
  private static final Map<String, Object> FIXTURES =
      DynamoDbJson.resource("fixtures/org-items.json");
  private static final Instant T = Instant.parse("2026-11-28T10:15:30Z");

  private static final Org ORG =
      new Org(
          "org-7f3a",
          "Acme Security",
          List.of("owner-a", "owner-b"),
          true,
          T.plusSeconds(60),
          72,
          T,
          1);
  private static final Membership MEMBERSHIP =
      new Membership("org-7f3a", "member-c", Role.MEMBER, T.plusSeconds(120));
  private static final Invitation INVITATION =
      new Invitation("org-7f3a", "invitee-d", Role.OWNER, "owner-a", T.plusSeconds(180));
  private static final NumberSends SENDS =
      new NumberSends(
          "bnVtYmVyLWRpZ2VzdA", 1, List.of(T, T.plusSeconds(30)), T.plusSeconds(86_400));

  private static Map<String, AttributeValue> fixture(String kind) {
    return DynamoDbJson.item(FIXTURES.get(kind));
  }

  @Test
  void anOrgWrittenByEarlierCode_readsAsTheSameOrg_andIsWrittenTheSame() {
    assertThat(OrgItem.org(fixture("org"))).isEqualTo(ORG);
    assertThat(new TreeMap<>(OrgItem.item(ORG, 1))).isEqualTo(fixture("org"));
    assertThat(OrgItem.key("org-7f3a"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("pk", s("ORG#org-7f3a"), "sk", s("META")));
  }

  @Test
  void anOrgThatRequiresNothing_keepsNoRequiredSince_andReadsBackTheSame() {
    Org relaxed = ORG.withRequirement(false, null, 0);

    Map<String, AttributeValue> item = OrgItem.item(relaxed, 1);

    assertThat(item).doesNotContainKey("requiredSince");
    assertThat(item.get("required")).isEqualTo(AttributeValue.fromBool(false));
    assertThat(OrgItem.org(item)).isEqualTo(relaxed);
  }

  @Test
  void aMembershipWrittenByEarlierCode_readsAsTheSameMembership_andIsWrittenTheSame() {
    assertThat(MembershipItem.membership(fixture("membership"))).isEqualTo(MEMBERSHIP);
    assertThat(new TreeMap<>(MembershipItem.item(MEMBERSHIP))).isEqualTo(fixture("membership"));
  }

  @Test
  void anInvitationWrittenByEarlierCode_readsAsTheSameInvitation_andIsWrittenTheSame() {
    assertThat(InvitationItem.invitation(fixture("invitation"))).isEqualTo(INVITATION);
    assertThat(new TreeMap<>(InvitationItem.item(INVITATION))).isEqualTo(fixture("invitation"));
  }

  @Test
  void aNumberSendLogWrittenByEarlierCode_readsAsTheSameSends_andIsWrittenTheSame() {
    assertThat(NumberSendsItem.sends("bnVtYmVyLWRpZ2VzdA", fixture("numberSends")))
        .isEqualTo(SENDS);
    assertThat(new TreeMap<>(NumberSendsItem.item(SENDS, 1))).isEqualTo(fixture("numberSends"));
  }

  /** The enhanced client wrote an empty list as an empty L (a release can empty a log). */
  @Test
  void aNumberSendLogWithNoSends_keepsAnEmptyList_andReadsBackTheSame() {
    NumberSends none = new NumberSends("bnVtYmVyLWRpZ2VzdA", 2, List.of(), T);

    Map<String, AttributeValue> item = NumberSendsItem.item(none, 3);

    assertThat(item.get("sentAt")).isEqualTo(AttributeValue.fromL(List.of()));
    assertThat(NumberSendsItem.sends("bnVtYmVyLWRpZ2VzdA", item)).isEqualTo(none.withVersion(3));
  }

  @Test
  void anOrgImageOnTheStream_decodesAsTheStoreReadsIt() {
    assertThat(ItemImages.change(null, fixture("org")))
        .contains(new StoredChange.OrgChange(null, ORG));
    assertThat(ItemImages.change(fixture("membership"), null)).isEmpty();
  }

  private static AttributeValue s(String text) {
    return AttributeValue.fromS(text);
  }
}

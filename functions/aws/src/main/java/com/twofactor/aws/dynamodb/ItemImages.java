package com.twofactor.aws.dynamodb;

import com.twofactor.core.events.StoredChange;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decodes the old and new images of a table item (as a DynamoDB stream carries them) into domain
 * types, through the same item-to-domain mapping the stores read with, so the stream and the stores
 * can never disagree on what an item means. Items that are neither a user's state nor an org
 * (memberships, and item types this code does not know) decode to nothing.
 *
 * <p>Stateless and thread-safe.
 */
public final class ItemImages {
  private ItemImages() {}

  /**
   * @param oldImage the item before the write, or null/empty when it was created
   * @param newImage the item after the write, or null/empty when it was deleted
   * @throws IllegalArgumentException when an image of a known item type cannot be decoded
   */
  public static Optional<StoredChange> change(
      Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    Map<String, AttributeValue> any = present(newImage) ? newImage : oldImage;
    if (!present(any) || any.get("pk") == null || any.get("sk") == null) {
      return Optional.empty();
    }
    String pk = any.get("pk").s();
    String sk = any.get("sk").s();
    if (pk.startsWith(UserStateItem.PREFIX) && UserStateItem.SORT_KEY.equals(sk)) {
      return Optional.of(
          new StoredChange.UserChange(
              present(oldImage) ? UserStateItem.state(oldImage) : null,
              present(newImage) ? UserStateItem.state(newImage) : null));
    }
    if (pk.startsWith(OrgItem.partitionKey("")) && OrgItem.SORT_KEY.equals(sk)) {
      return Optional.of(
          new StoredChange.OrgChange(
              present(oldImage) ? OrgItem.org(oldImage) : null,
              present(newImage) ? OrgItem.org(newImage) : null));
    }
    return Optional.empty();
  }

  private static boolean present(Map<String, AttributeValue> image) {
    return image != null && !image.isEmpty();
  }
}

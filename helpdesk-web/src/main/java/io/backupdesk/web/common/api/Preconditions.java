package io.backupdesk.web.common.api;

import io.backupdesk.web.common.InvalidInputException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: the version a client saw travels either in the body ({@code
 * version}) or as {@code If-Match}, and comes back as the {@code ETag} of every representation.
 */
public final class Preconditions {

  private Preconditions() {}

  /** The strong entity tag of a version, e.g. {@code "7"}. */
  public static EntityTag etag(int version) {
    return new EntityTag(Integer.toString(version));
  }

  /**
   * The version the client expects, from the body or the {@code If-Match} header; null when it
   * named none (or {@code If-Match: *}). Two different versions are refused rather than guessed.
   */
  public static Integer expectedVersion(Integer bodyVersion, String ifMatch) {
    Integer headerVersion = parseIfMatch(ifMatch);
    if (bodyVersion != null && headerVersion != null && !bodyVersion.equals(headerVersion)) {
      throw new InvalidInputException(
          "version",
          "The body names version "
              + bodyVersion
              + " but If-Match names "
              + headerVersion
              + ": send one of them, or the same version in both.");
    }
    return bodyVersion != null ? bodyVersion : headerVersion;
  }

  private static Integer parseIfMatch(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    var tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Integer.valueOf(tag);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "If-Match",
          "If-Match must be the ETag you received, e.g. \"3\"; '" + ifMatch + "' is not one.");
    }
  }
}

package io.backupdesk.web.common.api;

import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.StrictParams;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads optional query parameters with a 400 that names the parameter. JAX-RS would answer a value
 * it cannot convert with a bare 404, which tells the client nothing.
 */
public final class QueryParams {

  private QueryParams() {}

  /** The enum constant named by {@code value} (any case), or null when the value is absent. */
  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    var wanted = value.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> c.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    name,
                    "'"
                        + value
                        + "' is not one of "
                        + Arrays.toString(type.getEnumConstants())
                        + " for "
                        + name
                        + "."));
  }

  /** A whole number, or 0 when the value is absent. */
  public static int intValue(String name, String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    // ASCII digits only, as every parameter: Integer.parseInt would read "١٢" as 12.
    return (int) StrictParams.wholeNumber(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** A required text parameter. */
  public static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(name, "Give the query parameter " + name + ".");
    }
    return value.strip();
  }
}

package io.backupdesk.web.common;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * How every form field, query, path and header parameter of the pages and the API is read, in one
 * place. JAX-RS' own conversion is too lenient for input that is stored or decides something:
 * {@code Long.parseLong} reads "١٢" (Arabic-Indic digits) as 12, {@code Boolean.parseBoolean} reads
 * anything but "true" as false (so {@code enabled=yes} disabled an account). Here a number is ASCII
 * digits with an optional minus sign, a yes/no is exactly {@code true} or {@code false}, and no
 * text may hold what the database cannot store ({@link Text}). An empty number or yes/no counts as
 * not sent: JAX-RS hands an absent primitive parameter over as an empty text.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = nameOf(annotations);
    if (rawType == String.class) {
      return (ParamConverter<T>) converter(name, value -> text(name, value));
    }
    // No converter for a primitive boolean: an absent one reaches a converter as null (a 404 for
    // /login without ?error). Yes/no fields that decide something are Boolean (null: not sent).
    if (rawType == Long.class || rawType == long.class) {
      return (ParamConverter<T>)
          converter(
              name,
              // Blank is "not sent" only where null can stand for it: a primitive (a path id)
              // must be a number, or the request is refused rather than failing on null.
              value ->
                  value.isBlank() && rawType == Long.class
                      ? null
                      : wholeNumber(name, value, Long.MIN_VALUE, Long.MAX_VALUE));
    }
    if (rawType == Integer.class || rawType == int.class) {
      return (ParamConverter<T>)
          converter(
              name, value -> (int) wholeNumber(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }
    if (rawType == Boolean.class) {
      return (ParamConverter<T>)
          converter(name, value -> value.isBlank() ? null : yesOrNo(name, value));
    }
    return null;
  }

  /** A whole number in ASCII digits within [min, max]. */
  public static long wholeNumber(String name, String value, long min, long max) {
    var digits = value == null ? "" : value.strip();
    boolean ascii = !digits.isEmpty();
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && digits.length() > 1)) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      try {
        long number = Long.parseLong(digits);
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // beyond a long: refused below like any other number out of range
      }
      throw new InvalidInputException(
          field(name), shown(name) + " is out of range: '" + abbreviated(value) + "'.");
    }
    throw new InvalidInputException(
        field(name),
        (name == null ? "The value" : name)
            + " must be a whole number, not '"
            + abbreviated(value)
            + "'.");
  }

  /** Exactly {@code true} or {@code false} (any letter case): what the forms send. */
  public static boolean yesOrNo(String name, String value) {
    var word = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (word) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidInputException(
              field(name),
              shown(name) + " must be true or false, not '" + abbreviated(value) + "'.");
    };
  }

  private static String text(String name, String value) {
    var refusal = Text.unstorable(value);
    if (refusal.isPresent()) {
      throw new InvalidInputException(field(name), shown(name) + " " + refusal.get());
    }
    return value;
  }

  private static <T> ParamConverter<T> converter(String name, Function<String, T> read) {
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        return value == null ? null : read.apply(value);
      }

      @Override
      public String toString(T value) {
        return value == null ? null : value.toString();
      }
    };
  }

  private static String nameOf(Annotation[] annotations) {
    if (annotations == null) {
      return null;
    }
    for (Annotation a : annotations) {
      String name = null;
      if (a instanceof RestForm f) {
        name = f.value();
      } else if (a instanceof RestQuery q) {
        name = q.value();
      } else if (a instanceof RestPath p) {
        name = p.value();
      } else if (a instanceof RestHeader h) {
        name = h.value();
      } else if (a instanceof RestCookie c) {
        name = c.value();
      } else if (a instanceof FormParam f) {
        name = f.value();
      } else if (a instanceof QueryParam q) {
        name = q.value();
      } else if (a instanceof PathParam p) {
        name = p.value();
      } else if (a instanceof HeaderParam h) {
        name = h.value();
      } else if (a instanceof CookieParam c) {
        name = c.value();
      }
      if (name != null && !name.isBlank()) {
        return name;
      }
    }
    return null;
  }

  private static String field(String name) {
    return name == null ? "parameter" : name;
  }

  private static String shown(String name) {
    return name == null ? "The value" : "The value of " + name;
  }

  private static String abbreviated(String value) {
    if (value == null) {
      return "";
    }
    var printable = value.replace("\u0000", "\\u0000");
    return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
  }
}

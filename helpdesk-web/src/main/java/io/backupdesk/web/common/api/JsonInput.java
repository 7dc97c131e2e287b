package io.backupdesk.web.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * What the API reads from JSON beyond Jackson's defaults. Text must be storable as it was sent: no
 * NUL (PostgreSQL's text types refuse it, deep in a transaction, as a 500) and no unpaired
 * surrogate (stored as '?', so not what was written). An enum is named, never numbered: {@code
 * "outcome": 0} would otherwise silently mean the first constant.
 */
@Singleton
class JsonInput implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    var module = new SimpleModule("json-input");
    module.addDeserializer(String.class, new TextWithoutNul());
    mapper.registerModule(module);
  }

  /** Jackson's own string reading, then a refusal of text that cannot be stored as sent. */
  static final class TextWithoutNul extends StdScalarDeserializer<String> {

    TextWithoutNul() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = StringDeserializer.instance.deserialize(p, ctxt);
      if (text == null) {
        return null;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\u0000') {
          throw refusal(p, text, "contains the character NUL (\\u0000): remove it.");
        }
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          // From a "\\ud800" escape or from bytes that are no valid UTF-8: no character at all,
          // and the database would store it as '?'.
          throw refusal(p, text, "contains half a character (an unpaired surrogate): send UTF-8.");
        }
      }
      return text;
    }

    private static InvalidFormatException refusal(JsonParser p, String text, String why) {
      return InvalidFormatException.from(p, why, text, String.class);
    }
  }
}

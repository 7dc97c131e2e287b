package io.backupdesk.web.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.backupdesk.web.common.Text;
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
      var refusal = Text.unstorable(text);
      if (refusal.isPresent()) {
        throw InvalidFormatException.from(p, refusal.get(), text, String.class);
      }
      return text;
    }
  }
}

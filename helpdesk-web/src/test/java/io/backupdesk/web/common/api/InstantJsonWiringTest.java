package io.backupdesk.web.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API's mapper writes times through {@link InstantJson}, not Jackson's own serializer. */
@QuarkusTest
class InstantJsonWiringTest {

  @Inject ObjectMapper mapper;

  @Test
  void theApplicationsMapperUsesTheFastTimeWriter() throws Exception {
    assertThat(mapper.getSerializerProviderInstance().findValueSerializer(Instant.class))
        .isInstanceOf(InstantJson.Writer.class);
    assertThat(mapper.writeValueAsString(Instant.parse("2026-11-30T10:15:30.120Z")))
        .isEqualTo("\"2026-11-30T10:15:30.120Z\"");
  }
}

package io.backupdesk.web.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantJsonTest {

  @Test
  void spellsEveryInstantAsInstantToStringDoes() {
    var random = new Random(20261130);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      long second = first + (long) (random.nextDouble() * (last - first + 1));
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      var at = Instant.ofEpochSecond(second, nano);
      assertThat(InstantJson.format(at)).as("%s", at).isEqualTo(at.toString());
    }
  }

  @Test
  void keepsTheEdgesAndTheYearsBeyondFourDigits() {
    for (var at :
        List.of(
            Instant.EPOCH,
            Instant.parse("2026-11-30T10:15:30Z"),
            Instant.parse("2026-11-30T10:15:30.100Z"),
            Instant.parse("2026-11-30T10:15:30.000100Z"),
            Instant.parse("2026-11-30T10:15:30.000000001Z"),
            Instant.parse("2024-02-29T23:59:59.999999999Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59Z"),
            Instant.MIN,
            Instant.MAX)) {
      assertThat(InstantJson.format(at)).as("%s", at).isEqualTo(at.toString());
    }
  }

  @Test
  void theCustomizedMapperWritesWhatJacksonsOwnSerializerWrites() throws Exception {
    var stock =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    var customized =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    new InstantJson().customize(customized);
    var values = new ArrayList<Object>();
    values.add(Instant.parse("2026-11-30T10:15:30.123456Z"));
    values.add(Instant.parse("2026-11-30T10:15:30Z"));
    values.add(null);
    var document = Map.of("times", values, "at", Instant.parse("2026-01-02T03:04:05.600Z"));

    assertThat(customized.writeValueAsString(document))
        .isEqualTo(stock.writeValueAsString(document))
        .contains("\"2026-11-30T10:15:30.123456Z\"", "\"2026-11-30T10:15:30Z\"", "null");
  }
}

package io.backupdesk.web.ticket.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import io.backupdesk.web.ticket.TicketView;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A {@link TicketView} that reaches JSON (the {@code currentState} of a 409 thrown by the ticket
 * service) is written as {@link TicketJson}, so a client sees the same shape as from GET.
 */
@Singleton
class TicketJsonModule implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    var module = new SimpleModule("ticket-api");
    module.addSerializer(
        TicketView.class,
        new StdDelegatingSerializer(
            new StdConverter<TicketView, TicketJson>() {
              @Override
              public TicketJson convert(TicketView value) {
                return TicketJson.of(value);
              }
            }));
    mapper.registerModule(module);
  }
}

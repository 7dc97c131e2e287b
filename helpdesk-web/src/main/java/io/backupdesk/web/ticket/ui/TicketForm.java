package io.backupdesk.web.ticket.ui;

import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.ticket.NewTicket;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The new-ticket form as typed, kept as text so that a rejected form comes back exactly as the
 * agent left it; {@link #toNewTicket()} hands it to the rules.
 */
public class TicketForm {

  @RestForm public String customerName = "";
  @RestForm public String customerEmail = "";
  @RestForm public String customerPhone = "";
  @RestForm public String deviceModel = "";
  @RestForm public String iosVersion = "";
  @RestForm public String channel = Channel.PHONE.name();
  @RestForm public String priority = Priority.NORMAL.name();
  @RestForm public String subject = "";
  @RestForm public String description = "";

  /** Set by the "Look up this e-mail" button: show who the address belongs to, open nothing. */
  @RestForm public String lookup;

  public boolean isLookup() {
    return lookup != null && !lookup.isBlank();
  }

  public NewTicket toNewTicket() {
    return new NewTicket(
        customerName,
        customerEmail == null ? null : customerEmail.strip(),
        blankToNull(customerPhone),
        deviceModel,
        iosVersion == null ? null : iosVersion.strip(),
        parse(Channel.class, channel),
        parse(Priority.class, priority),
        subject,
        description);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

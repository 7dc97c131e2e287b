package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceCheck;
import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.common.Limits;
import io.backupdesk.web.common.Problem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The command to open a ticket, as the API receives it and the form builds it: one set of rules,
 * checked by {@link OpenTicket}. The annotations check presence, lengths and the e-mail's form; the
 * phone is checked against the device catalogue ({@link #checkDevice}). The name is the one a new
 * customer gets: a customer known by the e-mail address (any letter case) keeps theirs.
 */
@Schema(name = "NewTicket")
public record NewTicket(
    @NotBlank(message = "Enter the customer's name")
        @Size(max = Limits.CUSTOMER_NAME, message = "Keep the name under 120 characters")
        String customerName,
    @NotBlank(message = "Enter the customer's e-mail address")
        @Pattern(regexp = Limits.EMAIL_PATTERN, message = Limits.EMAIL_MESSAGE)
        @Size(max = Limits.EMAIL, message = "Keep the e-mail address under 254 characters")
        String customerEmail,
    @Size(max = Limits.PHONE, message = "Keep the phone number under 40 characters")
        @Pattern(
            regexp = "^[0-9+()./ -]*$",
            message = "A phone number has only digits, spaces and + ( ) - . /")
        String customerPhone,
    @NotBlank(message = "Choose the device model")
        @Schema(
            description =
                "A model of the device catalogue (GET /api/v1/playbook/devices), or Other")
        String deviceModel,
    @NotBlank(message = "Enter the iOS version, e.g. 17.5")
        @Schema(description = "As Settings > General > About shows it; one the model can run")
        String iosVersion,
    @NotNull(message = "Choose the channel") Channel channel,
    Priority priority,
    @NotBlank(message = "Write a short subject")
        @Size(max = Limits.SUBJECT, message = "Keep the subject under 200 characters")
        String subject,
    @Size(max = Limits.DESCRIPTION, message = "Keep the description under 10,000 characters")
        String description) {

  /**
   * The model and iOS version against the catalogue: the texts to store, or every problem naming
   * its field.
   */
  public DeviceCheck checkDevice(DeviceCatalog catalog) {
    return catalog.check(deviceModel, iosVersion);
  }

  /** The catalogue's problems as the problem's field errors. */
  public static List<Problem.FieldError> errors(DeviceCheck check) {
    return check.problems().stream()
        .map(p -> new Problem.FieldError(p.field(), p.message()))
        .toList();
  }
}

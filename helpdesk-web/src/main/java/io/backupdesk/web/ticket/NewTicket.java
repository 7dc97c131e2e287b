package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.web.common.Limits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The command to open a ticket, as the API receives it and the form builds it: one set of rules,
 * checked by {@link OpenTicket}.
 */
@Schema(name = "NewTicket")
public record NewTicket(
    @NotBlank(message = "Enter the customer's name")
        @Size(max = Limits.CUSTOMER_NAME, message = "Keep the name under 120 characters")
        String customerName,
    @NotBlank(message = "Enter the customer's e-mail address")
        @Email(message = "This is not an e-mail address")
        @Size(max = Limits.EMAIL, message = "Keep the e-mail address under 254 characters")
        String customerEmail,
    @Size(max = Limits.PHONE, message = "Keep the phone number under 40 characters")
        @Pattern(
            regexp = "^[0-9+()./ -]*$",
            message = "A phone number has only digits, spaces and + ( ) - . /")
        String customerPhone,
    @NotBlank(message = "Choose the device model")
        @Size(max = Limits.DEVICE_MODEL, message = "Keep the model under 60 characters")
        String deviceModel,
    @NotBlank(message = "Enter the iOS version, e.g. 17.5")
        @Pattern(
            regexp = "^\\d{1,2}(\\.\\d{1,2}){0,2}$",
            message = "Write the iOS version as digits and dots, e.g. 17.5.1")
        String iosVersion,
    @NotNull(message = "Choose the channel") Channel channel,
    Priority priority,
    @NotBlank(message = "Write a short subject")
        @Size(max = Limits.SUBJECT, message = "Keep the subject under 200 characters")
        String subject,
    @Size(max = Limits.DESCRIPTION, message = "Keep the description under 10,000 characters")
        String description) {}

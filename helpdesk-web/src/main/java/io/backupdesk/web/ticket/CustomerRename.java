package io.backupdesk.web.ticket;

import io.backupdesk.web.common.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The command to correct a customer's name, as the API receives it and the ticket page builds it.
 */
@Schema(name = "CustomerPatch", description = "A correction of the customer's name")
public record CustomerRename(
    @NotBlank(message = "Enter the customer's name")
        @Size(max = Limits.CUSTOMER_NAME, message = "Keep the name under 120 characters")
        String name,
    @Schema(description = "The customer's version you saw (or send it as If-Match)")
        Integer version) {}

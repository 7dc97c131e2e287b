package io.backupdesk.web.ticket;

import io.backupdesk.web.common.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The command to add an internal note to a ticket's timeline; checked by {@link AddNote}. */
@Schema(name = "NewNote")
public record NewNote(
    @Schema(description = "What happened, up to 10,000 characters")
        @NotBlank(message = "A note cannot be empty: write what happened.")
        @Size(max = Limits.TICKET_NOTE, message = "Keep a note under 10,000 characters.")
        String body) {}

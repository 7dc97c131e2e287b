package io.backupdesk.web.ticket.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A note an agent adds to a ticket's timeline. */
@Schema(name = "NewNote")
public record NoteJson(
    @Schema(description = "What happened, up to 10,000 characters")
        @NotBlank(message = "A note cannot be empty: write what happened.")
        String body) {}

/**
 * The playbook: versioned, ordered checks for a phone that will not back up to iCloud, and the
 * device facts (model, button layout, iOS version) that tailor their instructions.
 *
 * <h2>The device catalogue</h2>
 *
 * <p>{@link io.backupdesk.diagnostics.playbook.DeviceCatalog} lists every model with its family
 * ({@link io.backupdesk.diagnostics.playbook.DeviceVariant}) and the iOS majors it runs (first and
 * last; the last empty while Apple still supports it, which then runs up to the newest iOS the
 * catalogue names). It is data: the shipped {@code device-models.csv}, or rows from the database
 * built with {@code DeviceCatalog.build}, which lists every problem (unique names, valid ranges,
 * known family) at once.
 *
 * <p>A ticket's phone is checked with {@code DeviceCatalog.check(model, iosVersion)}: the model is
 * a catalogue name or {@code Other} (never free text, so nothing typed reaches the export's model
 * column, let alone as a spreadsheet formula; a customer's own description of an unlisted phone
 * belongs in the ticket's description), and the iOS version reads as {@code 17}, {@code 17.4} or
 * {@code 17.4.1} with a major the model runs. Problems name the field ({@code deviceModel}, {@code
 * iosVersion}) and say what to check on the phone.
 *
 * <h2>Instructions</h2>
 *
 * <p>A step's instructions are blocks ({@link io.backupdesk.diagnostics.playbook.InstructionCase}),
 * each for a button layout (or every phone) on a span of iOS majors (or every version), never
 * overlapping. A phone whose model and version are known gets the one block that applies to it; a
 * phone whose model or version is unknown gets every block that may apply, each labelled.
 */
package io.backupdesk.diagnostics.playbook;

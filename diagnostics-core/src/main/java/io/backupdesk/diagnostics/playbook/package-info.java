/**
 * The playbook: versioned, ordered checks for a phone that will not back up to iCloud, and the
 * device facts (model, button layout, iOS version) that tailor their instructions.
 */
package io.backupdesk.diagnostics.playbook;

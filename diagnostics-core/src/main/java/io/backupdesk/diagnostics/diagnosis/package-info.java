/**
 * The diagnosis: one walk through a playbook for one customer's phone, its outcomes, and the rules
 * that decide which commands are legal.
 */
package io.backupdesk.diagnostics.diagnosis;

package io.backupdesk.diagnostics.playbook.draft;

/**
 * One field that differs between two versions of a step: its path within the step ({@code title},
 * {@code instructions[1]}, {@code fixOptions[upgrade-plan].label}) and both texts; {@code before}
 * is null for what was added, {@code after} for what was removed.
 */
public record FieldChange(String field, String before, String after) {}

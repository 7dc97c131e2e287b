package io.backupdesk.web.order;

/**
 * A change of the step-order settings as an admin asks for it (API body and page form alike). Every
 * field is required: a change states the whole of the settings, so two admins cannot each change
 * half of them unnoticed (the version refuses the second).
 */
public record SettingsChange(
    Boolean suggestionsOn,
    Double exploreShare,
    Double lowRiskPrice,
    Double mediumRiskPrice,
    Double highRiskPrice,
    Double paidFixPrice,
    Double escalationMinutes,
    Integer version) {}

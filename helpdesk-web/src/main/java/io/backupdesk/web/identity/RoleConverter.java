package io.backupdesk.web.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Role} as its lower-case name, which the schema's CHECK constraint lists. */
@Converter(autoApply = true)
class RoleConverter implements AttributeConverter<Role, String> {

  @Override
  public String convertToDatabaseColumn(Role role) {
    return role == null ? null : role.value();
  }

  @Override
  public Role convertToEntityAttribute(String value) {
    return value == null
        ? null
        : Role.of(value).orElseThrow(() -> new IllegalStateException("Unknown role " + value));
  }
}

package io.backupdesk.web.diagnosis.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A {@link DiagnosisView} that reaches JSON (the {@code currentState} of a 409 or 422 thrown by the
 * diagnosis service) is written as {@link DiagnosisJson}: the core aggregate inside it is no JSON
 * contract, and the client should see the same shape as from GET.
 */
@Singleton
class DiagnosisJsonModule implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    var module = new SimpleModule("diagnosis-api");
    module.addSerializer(
        DiagnosisView.class,
        new StdDelegatingSerializer(
            new StdConverter<DiagnosisView, DiagnosisJson>() {
              @Override
              public DiagnosisJson convert(DiagnosisView value) {
                return DiagnosisJson.of(value);
              }
            }));
    mapper.registerModule(module);
  }
}

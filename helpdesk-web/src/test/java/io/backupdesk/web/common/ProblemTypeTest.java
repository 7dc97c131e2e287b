package io.backupdesk.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Every refusal the core can throw has its problem type: none is answered as a server error. */
class ProblemTypeTest {

  @Test
  void everyRefusalOfTheCoreHasExactlyOneProblemType() {
    var refusals =
        new ClassFileImporter()
                .importPackages("io.backupdesk.diagnostics")
                .get(DiagnosisException.class)
                .getAllSubclasses()
                .stream()
                .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::reflect)
                .toList();

    assertThat(refusals).hasSizeGreaterThanOrEqualTo(13);
    assertThat(refusals)
        .allSatisfy(
            refusal ->
                assertThat(
                        Arrays.stream(ProblemType.values())
                            .map(ProblemType::refusal)
                            .filter(Objects::nonNull)
                            .filter(type -> type.isAssignableFrom(refusal)))
                    .as(refusal.getName())
                    .hasSize(1));
  }

  @Test
  void slugsNameOneKindOfProblemEach() {
    assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug)).doesNotHaveDuplicates();
  }
}

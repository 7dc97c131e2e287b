package io.backupdesk.diagnostics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core stays plain Java so that any front end, and any test, can use it as it is. */
class DependencyRuleTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.backupdesk.diagnostics");

  @Test
  void theCoreDependsOnlyOnTheJdkAndItself() {
    classes()
        .that()
        .resideInAPackage("io.backupdesk.diagnostics..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.backupdesk.diagnostics..")
        .check(CORE);
  }

  @Test
  void thePlaybookKnowsNothingOfDiagnosesTicketsOrIncidents() {
    noClasses()
        .that()
        .resideInAPackage("..diagnostics.playbook..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..diagnostics.diagnosis..", "..diagnostics.ticket..", "..diagnostics.incident..")
        .check(CORE);
  }

  /** The published playbook is what everything reads; editing it is a layer on top. */
  @Test
  void thePublishedPlaybookKnowsNothingOfDrafts() {
    noClasses()
        .that()
        .resideInAPackage("..diagnostics.playbook")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..diagnostics.playbook.draft..")
        .check(CORE);
  }

  /** Incidents see tickets only as ids and statuses, and diagnoses not at all. */
  @Test
  void incidentsStandAboveTicketsAndBesideDiagnoses() {
    noClasses()
        .that()
        .resideInAnyPackage("..diagnostics.diagnosis..", "..diagnostics.ticket..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..diagnostics.incident..")
        .check(CORE);
    noClasses()
        .that()
        .resideInAPackage("..diagnostics.incident..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..diagnostics.diagnosis..", "..diagnostics.playbook..")
        .check(CORE);
  }

  @Test
  void diagnosesKnowNothingOfTickets() {
    noClasses()
        .that()
        .resideInAPackage("..diagnostics.diagnosis..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..diagnostics.ticket..")
        .check(CORE);
  }

  @Test
  void diagnosesKnowNothingOfTheLearnedOrder() {
    // The order package reads diagnoses and their chosen orders; the other way round would be a
    // cycle, and a diagnosis walks whatever order it is given, however it was chosen.
    noClasses()
        .that()
        .resideInAnyPackage("..diagnostics.diagnosis..", "..diagnostics.playbook..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..diagnostics.order..")
        .check(CORE);
  }
}

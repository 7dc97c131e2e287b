package io.backupdesk.diagnostics.diagnosis;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.AGENT;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisTestData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class OutcomeCommandTest {

  @Test
  void factoriesBuildOnlyTheFieldsTheirOutcomeUses() {
    assertThat(OutcomeCommand.fixed("wifi", "join-network", true, AGENT, at(1)))
        .isEqualTo(
            new OutcomeCommand(
                "wifi", StepOutcome.FIXED, "join-network", null, null, true, AGENT, at(1)));
    assertThat(OutcomeCommand.skipped("wifi", "why", AGENT, at(1)).skipReason()).isEqualTo("why");
    assertThat(OutcomeCommand.nothingWrong("wifi", AGENT, at(1)).outcome())
        .isEqualTo(StepOutcome.NOTHING_WRONG);
    assertThat(OutcomeCommand.notApplicable("wifi", AGENT, at(1)).outcome())
        .isEqualTo(StepOutcome.NOT_APPLICABLE);
    assertThat(OutcomeCommand.outage("apple-status", AGENT, at(1)).outcome())
        .isEqualTo(StepOutcome.OUTAGE);
  }

  @Test
  void textsAreTrimmedAndBlanksMeanNothing() {
    OutcomeCommand command =
        new OutcomeCommand(
            " wifi ", StepOutcome.SKIPPED, " ", "  far away ", "  ", false, " alice ", at(1));
    assertThat(command.stepKey()).isEqualTo("wifi");
    assertThat(command.fixOptionKey()).isNull();
    assertThat(command.skipReason()).isEqualTo("far away");
    assertThat(command.note()).isNull();
    assertThat(command.agent()).isEqualTo("alice");
    assertThat(command.withNote(" router upstairs ").note()).isEqualTo("router upstairs");
  }

  @Test
  void fieldsThatDoNotBelongToTheOutcomeAreProgrammingErrors() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new OutcomeCommand(
                    "wifi",
                    StepOutcome.NOTHING_WRONG,
                    "join-network",
                    null,
                    null,
                    false,
                    AGENT,
                    at(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new OutcomeCommand(
                    "wifi", StepOutcome.FIXED, "join-network", "why", null, false, AGENT, at(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new OutcomeCommand(
                    "wifi", StepOutcome.SKIPPED, null, "why", null, true, AGENT, at(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OutcomeCommand.nothingWrong("wifi", " ", at(1)));
    assertThatNullPointerException()
        .isThrownBy(() -> OutcomeCommand.nothingWrong("wifi", AGENT, null));
  }
}

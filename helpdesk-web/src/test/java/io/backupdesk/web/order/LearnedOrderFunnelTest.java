package io.backupdesk.web.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.playbook.StepOrder;
import io.backupdesk.web.report.ReportFilter;
import io.backupdesk.web.report.ReportFixture;
import io.backupdesk.web.report.ReportRows.FunnelStep;
import io.backupdesk.web.report.ReportService;
import io.backupdesk.web.testing.TestData;
import io.backupdesk.web.testing.TestDiagnoses;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The step funnel counts the steps a diagnosis walked, in its own order: a learned order that skips
 * ahead past an article step has not "reached" the step it passed over.
 */
@QuarkusTest
class LearnedOrderFunnelTest {

  @Inject TestDiagnoses diagnoses;
  @Inject ReportService reports;

  @AfterEach
  void suggestionsOffAgain() {
    StepOrderFixture.suggestions(false, 0.1);
  }

  @Test
  void aStepTheLearnedOrderHasNotWalkedIsNotReachedAndTheLastStepIsTheLastWalked() {
    String agent = TestData.agent("funnel-" + TestData.unique());
    StepOrder learned = StepOrderFixture.learnedOrder(StepOrderFixture.storeSimulatedModel());
    StepOrderFixture.suggestions(true, 0);

    long ticket = TestData.ticket().openedBy(agent);
    var view = diagnoses.start(ticket, agent);
    for (int position = 1; position <= 2; position++) {
      view =
          diagnoses.record(
              ticket,
              view.version(),
              OutcomeCommand.nothingWrong(learned.keyAt(position), agent, Instant.now()));
    }
    ReportFixture.refreshSummaries();

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Long> reached =
        reports.stepFunnel(new ReportFilter(today, today, null, null, agent)).stream()
            .collect(Collectors.toMap(FunnelStep::stepKey, FunnelStep::reached));
    List<String> walked = List.of(learned.keyAt(1), learned.keyAt(2), learned.keyAt(3));
    assertThat(reached).hasSize(learned.stepKeys().size());
    reached.forEach(
        (step, count) ->
            assertThat(count)
                .as("diagnoses that reached %s (walked: %s)", step, walked)
                .isEqualTo(walked.contains(step) ? 1L : 0L));
    // Only a learned order that passes over an article step tests the definition: the article's
    // "reached up to the furthest step" would count that step as reached.
    List<String> article =
        List.of(
            "backup-switch",
            "wifi",
            "power",
            "storage",
            "apple-status",
            "account-verification",
            "restart",
            "reset-settings",
            "ios-update");
    int furthest = walked.stream().mapToInt(article::indexOf).max().orElseThrow();
    assertThat(article.subList(0, furthest))
        .as("article steps passed over")
        .anySatisfy(step -> assertThat(walked).doesNotContain(step));
  }
}

package io.backupdesk.web.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How figures are written on the report pages, and the weeks the weekly chart spans. */
class ReportDisplayTest {

  @Test
  void durationsAreWrittenTheWayPeopleSayThem() {
    assertThat(ReportDisplay.duration(new BigDecimal("45.4"))).isEqualTo("45 s");
    assertThat(ReportDisplay.duration(new BigDecimal("210.0"))).isEqualTo("3 min 30 s");
    assertThat(ReportDisplay.duration(new BigDecimal("600"))).isEqualTo("10 min");
    assertThat(ReportDisplay.duration(new BigDecimal("2700"))).isEqualTo("45 min");
    assertThat(ReportDisplay.duration(new BigDecimal("8100"))).isEqualTo("2 h 15 min");
    assertThat(ReportDisplay.duration(new BigDecimal("3600"))).isEqualTo("1 h");
    // Rounded in the smaller unit, carried into the larger: not "1 h 60 min".
    assertThat(ReportDisplay.duration(new BigDecimal("7199"))).isEqualTo("2 h");
    assertThat(ReportDisplay.duration(new BigDecimal("512400"))).isEqualTo("5 d 22 h");
    assertThat(ReportDisplay.duration(new BigDecimal("359760"))).isEqualTo("4 d 4 h");
    assertThat(ReportDisplay.duration(null)).isEqualTo("–");
  }

  @Test
  void sharesArePercentagesWithAtMostOneDecimal() {
    assertThat(ReportDisplay.percent(new BigDecimal("0.6667"))).isEqualTo("66.7%");
    assertThat(ReportDisplay.percent(new BigDecimal("0.5000"))).isEqualTo("50%");
    assertThat(ReportDisplay.percent(new BigDecimal("1.0000"))).isEqualTo("100%");
    assertThat(ReportDisplay.percent(new BigDecimal("0.0000"))).isEqualTo("0%");
    assertThat(ReportDisplay.percent(null)).isEqualTo("–");
    assertThat(ReportDisplay.decimal(new BigDecimal("2.50"))).isEqualTo("2.5");
    assertThat(ReportDisplay.decimal(new BigDecimal("2.00"))).isEqualTo("2");
  }

  @Test
  void theWeeklyChartSpansTheIsoWeeksOfThePeriod() {
    // 2020 has 53 ISO weeks; 2021-01-03 (a Sunday) still belongs to 2020-W53.
    assertThat(Charts.weeksBetween(LocalDate.parse("2020-12-24"), LocalDate.parse("2021-01-05")))
        .containsExactly("2020-W52", "2020-W53", "2021-W01");
    assertThat(Charts.weeksBetween(LocalDate.parse("2019-03-04"), LocalDate.parse("2019-03-17")))
        .containsExactly("2019-W10", "2019-W11");
    // Beyond two years the chart shows only the weeks with data.
    assertThat(Charts.weeksBetween(LocalDate.parse("2019-01-01"), LocalDate.parse("2021-06-30")))
        .isEmpty();
  }
}

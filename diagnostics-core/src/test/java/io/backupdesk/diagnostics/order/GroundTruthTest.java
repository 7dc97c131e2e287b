package io.backupdesk.diagnostics.order;

import static io.backupdesk.diagnostics.order.OrderTestData.PLAYBOOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.playbook.DeviceVariant;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
  private static final int[] MAJORS = {15, 16, 17, 18, 26};
  private final GroundTruth standard = GroundTruth.standard(PLAYBOOK);

  @Test
  void theDefaultTruthIsPlausibleForEveryGroup() {
    for (DeviceVariant family : DeviceVariant.values()) {
      double previousUpdate = 1;
      for (int major : MAJORS) {
        CaseTruth truth = standard.forGroup(family, major);
        for (PlaybookStep step : PLAYBOOK.steps()) {
          if (!step.key().equals("storage")) {
            assertThat(truth.causeShare("storage"))
                .as("%s on iOS %d: storage before %s", family, major, step.key())
                .isGreaterThan(truth.causeShare(step.key()));
          }
        }
        assertThat(truth.causeShare("apple-status")).isLessThan(0.02);
        assertThat(truth.causeShare("account-verification")).isLessThan(0.06);
        assertThat(truth.causeShare("reset-settings")).isLessThan(0.06);
        assertThat(truth.noneShare()).isBetween(0.03, 0.1);
        assertThat(truth.causeShare("ios-update")).isLessThan(previousUpdate);
        previousUpdate = truth.causeShare("ios-update");
      }
    }
    for (int major : MAJORS) {
      assertThat(standard.forGroup(DeviceVariant.HOME_BUTTON, major).causeShare("restart"))
          .isGreaterThan(
              1.8 * standard.forGroup(DeviceVariant.FACE_ID, major).causeShare("restart"));
    }
    CaseTruth unknown = standard.forGroup(null, null);
    assertThat(unknown.causeShare("storage")).isCloseTo(30.0 / 78, within(1e-12));
    assertThat(unknown.resolveChance("storage")).isCloseTo(30.0 / 78 * 0.88, within(1e-12));
  }

  @Test
  void scopedRowsReplaceOrMultiplyFromTheWidestScopeToTheNarrowest() throws IOException {
    GroundTruth truth =
        parse(
            base()
                + "ios-15/home-button,restart,*2,0.5,,,,,,,\n"
                + "home-button,restart,6,,,,,,,,\n"
                + "ios-15,restart,*3,,,,,,,,\n"
                + "face-id,none,*2,,,,,,,,\n");
    assertThat(truth.forGroup(DeviceVariant.HOME_BUTTON, 15).step("restart").causeWeight())
        .isEqualTo(6 * 3 * 2);
    assertThat(truth.forGroup(DeviceVariant.HOME_BUTTON, 15).step("restart").fixWorks())
        .isEqualTo(0.5);
    assertThat(truth.forGroup(DeviceVariant.HOME_BUTTON, 16).step("restart").causeWeight())
        .isEqualTo(6);
    assertThat(truth.forGroup(null, 15).step("restart").causeWeight()).isEqualTo(3 * 3);
    assertThat(truth.forGroup(null, 16).step("restart").causeWeight()).isEqualTo(3);
    assertThat(truth.forGroup(DeviceVariant.FACE_ID, 17).noneWeight()).isEqualTo(8);
    assertThat(truth.forGroup(null, null).step("storage").check())
        .isEqualTo(new LogNormalMinutes(3, 0.5));
  }

  @Test
  void mistakesAreReportedWithTheirLine() {
    assertThatThrownBy(() -> parse("all,wifi,1,1,1,0,1,0,1,0,0\n"))
        .hasMessageContaining("test.csv line 1: expected the header");
    assertThatThrownBy(() -> parse(base() + "all,wifi,1,1\n"))
        .hasMessageContaining("line 12: expected 11 columns, found 4");
    assertThatThrownBy(() -> parse(base() + "all,bluetooth,1,1,1,0,1,0,1,0,0\n"))
        .hasMessageContaining("line 12: playbook v1 has no step 'bluetooth'");
    assertThatThrownBy(() -> parse(base() + "flip-phone,wifi,*2,,,,,,,,\n"))
        .hasMessageContaining("line 12: scope 'flip-phone' is not");
    assertThatThrownBy(() -> parse(base() + "ios-x,wifi,*2,,,,,,,,\n"))
        .hasMessageContaining("names iOS major 'x'");
    assertThatThrownBy(() -> parse(base() + "ios-15,wifi,*two,,,,,,,,\n"))
        .hasMessageContaining(
            "line 12: multiplier in column 3 must be a number 0 or more, not 'two'");
    assertThatThrownBy(() -> parse(base() + "ios-15,wifi,,*3,,,,,,,\n"))
        .hasMessageContaining("for null/15")
        .hasMessageContaining("fix_works");
    assertThatThrownBy(() -> parse(base().replace("all,power,6,0.95,1,0.4,1,0.5,9,0.5,0\n", "")))
        .hasMessageContaining("no 'all' row for power");
    assertThatThrownBy(() -> parse(base() + "all,wifi,1,1,1,0,1,0,1,0,0\n"))
        .hasMessageContaining("line 12: step 'wifi' already has an 'all' row");
    assertThatThrownBy(() -> parse(base() + "ios-15,none,*2,1,,,,,,,\n"))
        .hasMessageContaining("only cause_weight");
  }

  private static GroundTruth parse(String text) throws IOException {
    return GroundTruth.parse(new BufferedReader(new StringReader(text)), "test.csv", PLAYBOOK);
  }

  private static String base() {
    return GroundTruth.HEADER
        + "\n"
        + "all,backup-switch,8,0.97,1.2,0.4,0.5,0.4,9,0.5,0\n"
        + "all,wifi,10,0.92,1.7,0.5,1.5,0.6,9,0.5,0\n"
        + "all,power,6,0.95,1,0.4,1,0.5,9,0.5,0\n"
        + "all,storage,30,0.88,3,0.5,4,0.6,10,0.5,0.45\n"
        + "all,apple-status,1,1,0.8,0.4,0,0,0,0,0\n"
        + "all,account-verification,4,0.8,7,0.5,2,0.5,12,0.5,0\n"
        + "all,restart,3,0.9,3.3,0.4,0.5,0.4,9,0.5,0\n"
        + "all,reset-settings,3,0.75,5,0.5,1,0.5,10,0.5,0\n"
        + "all,ios-update,6,0.85,1.5,0.5,20,0.6,15,0.5,0\n"
        + "all,none,4,,,,,,,,\n";
  }
}

package io.backupdesk.diagnostics.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceVariant;
import org.junit.jupiter.api.Test;

class SegmentTest {
  @Test
  void aKnownPhoneBelongsToItsModelItsFamilyAndAllPhonesOnItsIosMajor() {
    assertThat(Segment.chainFor(new Device("iphone  se (2nd generation)", "iOS 17.6.1")))
        .extracting(Segment::key)
        .containsExactly(
            "home-button/ios-17/iPhone SE (2nd generation)", "home-button/ios-17", "all");
    assertThat(Segment.chainFor(new Device("iPhone 15 Pro", "18.6")))
        .extracting(Segment::label)
        .containsExactly("iPhone 15 Pro on iOS 18", "Face ID phones on iOS 18", "All phones");
  }

  @Test
  void anUnknownModelOrIosVersionLeavesOnlyAllPhones() {
    assertThat(Segment.chainFor(new Device("Other", "18.6"))).containsExactly(Segment.ALL);
    assertThat(Segment.chainFor(new Device("iPhone 12", null))).containsExactly(Segment.ALL);
    assertThat(Segment.chainFor(new Device(null, "ios"))).containsExactly(Segment.ALL);
  }

  @Test
  void keysReadBackAndParentsWiden() {
    for (String key :
        new String[] {
          "all", "face-id/ios-26", "home-button/ios-15/iPhone 8", "face-id/ios-18/iPhone 16e"
        }) {
      assertThat(Segment.parse(key).key()).isEqualTo(key);
    }
    Segment model = Segment.parse("home-button/ios-15/iPhone 8");
    assertThat(model.parent()).contains(new Segment(DeviceVariant.HOME_BUTTON, 15, null));
    assertThat(model.parent().flatMap(Segment::parent)).contains(Segment.ALL);
    assertThat(Segment.ALL.parent()).isEmpty();
    assertThatThrownBy(() -> Segment.parse("flip-phone/ios-3"))
        .hasMessageContaining("Not a segment key");
    assertThatThrownBy(() -> Segment.parse("face-id")).hasMessageContaining("Not a segment key");
  }
}

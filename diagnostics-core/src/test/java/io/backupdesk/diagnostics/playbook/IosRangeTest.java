package io.backupdesk.diagnostics.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IosRangeTest {
  @Test
  void labelsReadAsAgentsSayThem() {
    assertThat(IosRange.from(15).label()).isEqualTo("iOS 15 and later");
    assertThat(IosRange.until(14).label()).isEqualTo("iOS 14 and earlier");
    assertThat(IosRange.between(11, 16).label()).isEqualTo("iOS 11 to 16");
    assertThat(IosRange.between(17, 17).label()).isEqualTo("iOS 17");
    assertThat(IosRange.any().label()).isEqualTo("every iOS version");
  }

  @Test
  void containsOverlapsAndAdmitsAnUnknownVersion() {
    assertThat(IosRange.from(15).contains(15)).isTrue();
    assertThat(IosRange.from(15).contains(14)).isFalse();
    assertThat(IosRange.until(14).overlaps(IosRange.from(15))).isFalse();
    assertThat(IosRange.until(15).overlaps(IosRange.from(15))).isTrue();
    assertThat(IosRange.between(11, 16).overlaps(IosRange.any())).isTrue();
    assertThat(IosRange.from(15).admits(OptionalInt.empty())).isTrue();
    assertThat(IosRange.from(15).admits(OptionalInt.of(9))).isFalse();
  }

  @Test
  void aRangeRunsForwards() {
    assertThatThrownBy(() -> IosRange.between(16, 11)).hasMessageContaining("16 back to 11");
    assertThatThrownBy(() -> IosRange.from(0)).hasMessageContaining("start at 1");
  }
}

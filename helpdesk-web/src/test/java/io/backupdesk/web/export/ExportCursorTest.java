package io.backupdesk.web.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.web.common.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cursor's text and the snapshot rules it relies on, without a database. */
class ExportCursorTest {

  @Test
  void aSnapshotReadsPostgresTextAndWritesItWithoutCommas() {
    var snapshot = ExportSnapshot.parse("100:110:102,105");
    assertThat(snapshot).isEqualTo(new ExportSnapshot(100, 110, List.of(102L, 105L)));
    assertThat(snapshot.token()).isEqualTo("100:110:102.105");
    assertThat(ExportSnapshot.parse(snapshot.token())).isEqualTo(snapshot);
    assertThat(snapshot.sql()).isEqualTo("'100:110:102,105'::pg_snapshot");
    assertThat(List.of(99L, 101L, 102L, 105L, 109L, 110L).stream().map(snapshot::visible))
        .containsExactly(true, true, false, false, true, false);
  }

  @Test
  void aLaterSnapshotIncludesAnEarlierOneButNotTheOtherWayRound() {
    var earlier = ExportSnapshot.parse("100:110:102,105");
    assertThat(ExportSnapshot.parse("105:120:105,111").includes(earlier)).isTrue();
    assertThat(earlier.includes(earlier)).isTrue();
    assertThat(earlier.includes(ExportSnapshot.parse("105:120:105"))).isFalse();
    // 103 committed for the earlier one, still running here: this server is behind it.
    assertThat(ExportSnapshot.parse("100:115:103").includes(earlier)).isFalse();
  }

  @Test
  void bothFormsOfTheCursorRoundTrip() {
    assertThat(ExportCursor.parse("100:110:102.105").toString()).isEqualTo("100:110:102.105");
    var row = ExportCursor.parse("0~100:110:102~104-77");
    assertThat(row.seen()).isNull();
    assertThat(row.pulled()).isEqualTo(ExportSnapshot.parse("100:110:102"));
    assertThat(row.txid()).isEqualTo(104);
    assertThat(row.id()).isEqualTo(77);
    assertThat(row).hasToString("0~100:110:102~104-77");
    assertThat(ExportCursor.parse("90:95:~100:110:~104-77").seen())
        .isEqualTo(ExportSnapshot.parse("90:95:"));
  }

  @Test
  void anOldCursorMeansEveryChangeUpToItsRow() {
    var old = ExportCursor.parse("7425-1093");
    assertThat(old.seen()).isEqualTo(ExportSnapshot.parse("7425:7425:"));
    assertThat(old.pulled()).isEqualTo(ExportSnapshot.parse("7426:7426:"));
    assertThat(old.txid()).isEqualTo(7425);
    assertThat(old.id()).isEqualTo(1093);
    assertThat(ExportCursor.parse("0-0").seen()).isNull();
  }

  @Test
  void anythingElseIsAProblemAboutTheCursor() {
    for (String bad :
        List.of(
            "abc",
            "110:100:",
            "100:110:99",
            "100:110:105,102",
            "0:0:",
            "1~2~3",
            "0~100:110:~x-1",
            "100:110",
            "-5-3")) {
      assertThatThrownBy(() -> ExportCursor.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
  }
}

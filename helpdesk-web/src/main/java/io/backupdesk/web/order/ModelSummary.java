package io.backupdesk.web.order;

import java.time.Instant;

/** One stored model in the list of versions: when, on which data, by whom. */
public record ModelSummary(
    int version,
    int playbookVersion,
    Instant trainedAt,
    String trainedBy,
    Instant dataFrom,
    Instant dataTo,
    int walks,
    int walksIgnored,
    int segments) {

  static ModelSummary of(OrderModelRecord row) {
    return new ModelSummary(
        row.version,
        row.playbookVersion,
        row.trainedAt,
        row.trainedBy,
        row.dataFrom,
        row.dataTo,
        row.walks,
        row.walksIgnored,
        row.segments);
  }
}

package io.backupdesk.web.report.ui;

import java.util.List;

/**
 * A chart drawn on the server as inline SVG: every shape already placed, so that the template only
 * writes it out. The table beside it stays the source of truth; the chart carries a title and a
 * description for screen readers.
 *
 * @param id unique on the page, for the title and description ids
 * @param width the viewBox width; the chart scales down with its container
 * @param height the viewBox height
 * @param rects bars and bar segments
 * @param texts labels and values
 * @param lines axis and grid lines
 * @param legend what each colour means, written under the chart
 */
public record Chart(
    String id,
    String title,
    String description,
    int width,
    int height,
    List<Rect> rects,
    List<Text> texts,
    List<Line> lines,
    List<LegendItem> legend) {

  /** The first thing a test counts: how many shapes of one kind the chart draws. */
  public long count(String css) {
    return rects.stream().filter(r -> r.css().equals(css)).count();
  }

  /** A bar or a segment of one; {@code label} is its tooltip and accessible name. */
  public record Rect(int x, int y, int width, int height, String css, String label) {}

  /** A text at a point; {@code anchor} is start, middle or end. */
  public record Text(int x, int y, String text, String css, String anchor) {}

  /** A straight line, for axes and grid lines. */
  public record Line(int x1, int y1, int x2, int y2, String css) {}

  /** One colour of the chart and what it stands for. */
  public record LegendItem(String css, String label) {}
}

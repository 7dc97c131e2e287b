package io.backupdesk.web.report.ui;

import io.backupdesk.web.report.ReportFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The report filters as the page's GET form sends them. An empty field means "any" (the form always
 * sends every field); {@link ReportFilter#parse} checks the rest, exactly as for the API.
 */
public class ReportForm {

  /** The splits of report 1 the page can show, by URL value. */
  static final Map<String, String> SPLITS =
      Map.of("device_model", "device model", "ios_major", "iOS version", "week", "week");

  static final String DEFAULT_SPLIT = "device_model";

  @RestQuery public String from;
  @RestQuery public String to;
  @RestQuery public String deviceModel;
  @RestQuery public String iosMajor;
  @RestQuery public String agent;
  @RestQuery public String split;

  ReportFilter filter(Clock clock) {
    return ReportFilter.parse(
        orNull(from), orNull(to), orNull(deviceModel), orNull(iosMajor), orNull(agent), clock);
  }

  /** Which split of the resolutions to show; anything unknown is the default. */
  String splitValue() {
    return split != null && SPLITS.containsKey(split.strip()) ? split.strip() : DEFAULT_SPLIT;
  }

  /** The query string of a checked filter, defaults written out, so that links keep the period. */
  static String query(ReportFilter filter) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("from", filter.from());
    params.put("to", filter.to());
    params.put("deviceModel", filter.deviceModel());
    params.put("iosMajor", filter.iosMajor());
    params.put("agent", filter.agent());
    return params.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(
            e ->
                e.getKey()
                    + "="
                    + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String orNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

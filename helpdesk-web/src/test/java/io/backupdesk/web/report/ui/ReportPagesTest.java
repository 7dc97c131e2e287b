package io.backupdesk.web.report.ui;

import static io.backupdesk.web.report.ReportFixture.customer;
import static io.backupdesk.web.report.ReportFixture.diagnosis;
import static io.backupdesk.web.report.ReportFixture.refreshSummaries;
import static io.backupdesk.web.report.ReportFixture.ticket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.backupdesk.web.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a supervisor sees on {@code /reports}. The data set is {@code ReportResourceTest}'s, whose
 * Javadoc works out every figure by hand, moved 104 weeks earlier (2019-03-04 becomes 2017-03-06, a
 * Monday of ISO week 10 again), so that the two classes never count each other's rows. The figures
 * are the same; only the dates and week labels change (2019-W10 is 2017-W10 here).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTest {

  static final String PERIOD = "from=2017-03-06&to=2017-03-19";
  static final String A = "iPhone Pages-A";
  static final String B = "iPhone Pages-B";

  @BeforeAll
  void writeDataSet() {
    String ann = TestData.agent("rpg-ann");
    String bob = TestData.agent("rpg-bob");
    TestData.agent("rpg-lead", "supervisor");
    TestData.agent("rpg-agent", "agent");
    long c1 = customer("Pages One", "pages-one@example.com");
    long c2 = customer("Pages Two", "pages-two@example.com");
    long c3 = customer("Pages Three", "pages-three@example.com");
    long c4 = customer("Pages Four", "pages-four@example.com");
    long c5 = customer("Pages Five", "pages-five@example.com");

    long t0 = ticket(c5, A, "17.5", ann, d("03-03T20:00"));
    diagnosis(t0, 1, ann, d("03-03T20:00"))
        .fixed(1, "turn-on-backup", true, d("03-03T20:00"), d("03-03T20:30"))
        .resolved(1, "turn-on-backup", d("03-03T21:00"));

    long t1 = ticket(c1, A, "17.5", ann, d("03-04T09:00"));
    diagnosis(t1, 1, ann, d("03-04T09:00"))
        .nothingWrong(1, d("03-04T09:00"), d("03-04T09:05"))
        .nothingWrong(2, d("03-04T09:05"), d("03-04T09:10"))
        .nothingWrong(3, d("03-04T09:10"), d("03-04T09:20"))
        .fixed(4, "upgrade-plan", true, d("03-04T09:20"), d("03-04T09:50"))
        .resolved(4, "upgrade-plan", d("03-04T10:00"));

    long t2 = ticket(c2, A, "17.5", ann, d("03-05T08:00"));
    diagnosis(t2, 1, ann, d("03-05T08:00"))
        .nothingWrong(1, d("03-05T08:00"), d("03-05T08:10"))
        .abandonedAt(2, d("03-05T08:10"));

    long t3 = ticket(c3, B, "16.7", bob, d("03-06T12:00"));
    diagnosis(t3, 1, bob, d("03-06T12:00"))
        .nothingWrong(1, d("03-06T12:00"), d("03-06T12:02"))
        .fixed(2, "join-network", false, d("03-06T12:02"), d("03-06T12:12"))
        .escalated(d("03-06T12:30"));
    diagnosis(t3, 2, bob, d("03-12T10:00"))
        .nothingWrong(1, d("03-12T10:00"), d("03-12T10:01"))
        .nothingWrong(2, d("03-12T10:01"), d("03-12T10:03"))
        .fixed(3, "plug-in", true, d("03-12T10:03"), d("03-12T10:13"))
        .resolved(3, "plug-in", d("03-12T10:20"));

    long t4 = ticket(c1, B, "16.7", ann, d("03-10T09:00"));
    diagnosis(t4, 1, ann, d("03-10T09:00"))
        .nothingWrong(1, d("03-10T09:00"), d("03-10T09:01"))
        .nothingWrong(2, d("03-10T09:01"), d("03-10T09:02"))
        .nothingWrong(3, d("03-10T09:02"), d("03-10T09:03"))
        .nothingWrong(4, d("03-10T09:03"), d("03-10T09:04"))
        .outage(5, d("03-10T09:04"), d("03-10T09:06"))
        .waitingOnApple(d("03-10T09:06"));

    long t5 = ticket(c4, A, "17.5", bob, d("03-13T14:00"));
    diagnosis(t5, 1, bob, d("03-13T14:00"))
        .fixed(1, "turn-on-backup", true, d("03-13T14:00"), d("03-13T14:03"))
        .resolved(1, "turn-on-backup", d("03-13T14:10"));

    long t6 = ticket(c2, B, "16.7", ann, d("03-14T09:00"));
    diagnosis(t6, 1, ann, d("03-14T09:00"))
        .nothingWrong(1, d("03-14T09:00"), d("03-14T09:04"))
        .inProgressAt(2, d("03-14T09:04"));

    long t7 = ticket(c3, A, "17.5", ann, d("03-17T23:00"));
    diagnosis(t7, 1, ann, d("03-17T23:00"))
        .fixed(1, "turn-on-backup", true, d("03-17T23:00"), d("03-17T23:04"))
        .resolved(1, "turn-on-backup", d("03-17T23:30"));

    long t8 = ticket(c4, A, "17.5", bob, d("04-20T09:00"));
    diagnosis(t8, 1, bob, d("04-20T09:00"))
        .fixed(1, "turn-on-backup", true, d("04-20T09:00"), d("04-20T09:05"))
        .resolved(1, "turn-on-backup", d("04-20T09:10"));
    refreshSummaries();
  }

  /** A moment of ReportResourceTest's 2019 data set ("03-04T09:00"), 104 weeks earlier. */
  private static String d(String monthDayTime) {
    return LocalDateTime.parse("2019-" + monthDayTime).minusWeeks(104).toString();
  }

  @Test
  @TestSecurity(user = "rpg-lead", roles = "supervisor", authMechanism = "form")
  void theFiguresOfEveryReportAppearInItsTable() {
    String html = page("/reports?" + PERIOD);

    assertThat(text(html, "figure-resolved")).isEqualTo("4");
    // 2 of 4 since first contact also needs the customer not to come back within 7 days (T1's did;
    // ReportResourceTest's class comment, 5). It was 75% when attempt 1 alone counted.
    assertThat(text(html, "figure-first-contact")).isEqualTo("50%");
    assertThat(text(html, "figure-escalation")).isEqualTo("16.7%");
    assertThat(text(html, "figure-median")).isEqualTo("45 min");
    assertThat(text(html, "figure-repeat")).isEqualTo("50%");
    // Beside each, the 14 days before (2017-02-20 .. 03-05): only T0, resolved at attempt 1 an
    // hour after it was opened, its customer never back.
    assertThat(text(html, "previous-resolved")).isEqualTo("1 before");
    assertThat(text(html, "previous-first-contact")).isEqualTo("100% before");
    assertThat(text(html, "previous-escalation")).isEqualTo("0% before");
    assertThat(text(html, "previous-median")).isEqualTo("1 h before");
    assertThat(text(html, "previous-repeat")).isEqualTo("0% before");
    assertThat(text(html, "previous-period")).contains("20 Feb 2017 – 5 Mar 2017");
    assertThat(text(html, "resolutions-reconciled"))
        .isEqualTo(
            "All resolutions: 4 = 4 resolved tickets (their first resolution) + 0 resolutions of"
                + " tickets resolved before (reopened and resolved again)");
    assertThat(text(html, "as-of")).startsWith("figures as of 20");

    assertThat(rows(html, "table-fixes"))
        .containsExactly(
            List.of("Turn on iCloud Backup step 1 · iCloud Backup switch", "2", "50%"),
            List.of("Plug the phone in step 3 · Power", "1", "25%"),
            List.of("Upgrade the iCloud plan step 4 · iCloud storage", "1", "25%"));
    // The default split is by device model: a column per model, the share and count per fix.
    assertThat(html)
        .contains("<th scope=\"col\" class=\"num\">" + A + "</th>")
        .contains("<th scope=\"col\" class=\"num\">" + B + "</th>");
    assertThat(rows(html, "table-split"))
        .containsExactly(
            List.of("Turn on iCloud Backup step 1", "66.7% 2", "–"),
            List.of("Plug the phone in step 3", "–", "100% 1"),
            List.of("Upgrade the iCloud plan step 4", "33.3% 1", "–"),
            List.of("All resolutions", "3", "1"));

    assertThat(rows(html, "table-funnel-1"))
        .startsWith(
            List.of("1 · iCloud Backup switch", "8", "2", "0", "0", "0", "0"),
            List.of("2 · Wi-Fi connection", "6", "0", "1", "1", "0", "1"),
            List.of("3 · Power", "3", "1", "0", "0", "0", "0"),
            List.of("4 · iCloud storage", "2", "1", "0", "0", "0", "0"),
            List.of("5 · Apple's iCloud Backup service", "1", "0", "0", "0", "1", "0"))
        .hasSize(9);

    // Each week with the days of it the period covers (both whole weeks here).
    assertThat(rows(html, "table-escalations"))
        .containsExactly(
            List.of("2017-W10 6 Mar – 12 Mar", "3", "1", "1", "1", "33.3%"),
            List.of("2017-W11 13 Mar – 19 Mar", "3", "3", "0", "0", "0%"),
            List.of("Period", "6", "4", "1", "1", "16.7%"));

    assertThat(text(html, "ttr-median")).isEqualTo("45 min");
    assertThat(text(html, "ttr-p90")).isEqualTo("4 d 4 h"); // 359760 s = 4 d 3 h 56 min
    assertThat(text(html, "ttr-count")).isEqualTo("4");
    assertThat(rows(html, "table-step-times"))
        .containsExactly(
            List.of("1 · iCloud Backup switch", "8", "3 min 30 s", "6 min 30 s"),
            List.of("2 · Wi-Fi connection", "4", "3 min 30 s", "8 min 30 s"),
            List.of("3 · Power", "3", "10 min", "10 min"),
            List.of("4 · iCloud storage", "2", "15 min 30 s", "27 min 6 s"),
            List.of("5 · Apple's iCloud Backup service", "1", "2 min", "2 min"));

    assertThat(text(html, "fcr-rate")).isEqualTo("50%");
    assertThat(html).contains("2 of 4 resolved tickets were resolved at first contact");
    assertThat(text(html, "fcr-parts"))
        .isEqualTo(
            "3 resolved by their first diagnosis − 1 whose customer came back within 7 days = 2"
                + " first-contact resolutions.");

    assertThat(rows(html, "table-agents"))
        .containsExactly(
            List.of("Rpg-ann rpg-ann", "5", "5", "2", "40%", "2.5"),
            List.of("Rpg-bob rpg-bob", "2", "3", "2", "100%", "2"));
    assertThat(html).contains("href=\"/reports?" + amp(PERIOD) + "&amp;agent=rpg-bob\"");

    assertThat(text(html, "repeat-rate")).isEqualTo("50%");
    assertThat(rows(html, "table-repeat"))
        .containsExactly(List.of("Tickets", "4", "2"), List.of("Customers", "3", "2"));
  }

  @Test
  @TestSecurity(user = "rpg-lead", roles = "supervisor", authMechanism = "form")
  void chartsAreAccessibleSvgWithABarPerRow() {
    String html = page("/reports?" + PERIOD);

    String fixes = svg(html, "chart-fixes");
    assertThat(fixes)
        .contains("role=\"img\"")
        .contains("aria-labelledby=\"chart-fixes-title chart-fixes-desc\"")
        .contains("<title id=\"chart-fixes-title\">Resolutions by fix</title>")
        .contains("The most frequent fix: Turn on iCloud Backup (step 1), 2 (50%).");
    assertThat(count(fixes, "class=\"bar-fix\"")).isEqualTo(3);
    assertThat(fixes).contains("<title>Turn on iCloud Backup (step 1, iCloud Backup switch): 2");

    // Nine steps reached or not; outcome segments only where something ended.
    String funnel = svg(html, "chart-funnel-1");
    assertThat(funnel)
        .contains("<title id=\"chart-funnel-1-title\">Step funnel, playbook version 1");
    assertThat(count(funnel, "class=\"bar-reached\"")).isEqualTo(9);
    assertThat(count(funnel, "class=\"bar-resolved\"")).isEqualTo(3);
    assertThat(count(funnel, "class=\"bar-escalated\"")).isEqualTo(1);
    assertThat(count(funnel, "class=\"bar-apple\"")).isEqualTo(1);
    assertThat(count(funnel, "class=\"bar-abandoned\"")).isEqualTo(1);
    assertThat(count(funnel, "class=\"bar-stalled\"")).isEqualTo(1);

    // Two weeks, each a column with the escalation rate above it.
    String weeks = svg(html, "chart-weeks");
    assertThat(weeks).contains("role=\"img\"").contains("2 of 2 weeks had diagnoses that ended");
    assertThat(count(weeks, "class=\"chart-label\"")).isEqualTo(2);
    assertThat(weeks).contains(">2017-W10</text>").contains(">2017-W11</text>");
    assertThat(count(weeks, "class=\"bar-resolved\"")).isEqualTo(2);
    assertThat(count(weeks, "class=\"bar-escalated\"")).isEqualTo(1);
    assertThat(count(weeks, "class=\"bar-apple\"")).isEqualTo(1);
    assertThat(weeks).contains(">33.3%</text>").contains(">0%</text>");

    String steps = svg(html, "chart-step-times");
    assertThat(count(steps, "class=\"bar-median\"")).isEqualTo(5);
    assertThat(count(steps, "class=\"bar-p90\"")).isEqualTo(5);
    assertThat(steps).contains("slowest is step 4 (iCloud storage) at 15 min 30 s");

    // No inline styles anywhere (the Content-Security-Policy would block them).
    assertThat(html).doesNotContain("style=").doesNotContain("<style");
  }

  @Test
  @TestSecurity(user = "rpg-lead", roles = "supervisor", authMechanism = "form")
  void theSplitLinksShowTheResolutionsByIosVersionOrWeek() {
    String html = page("/reports?" + PERIOD + "&split=week");
    assertThat(html)
        .contains(
            "<th scope=\"col\" class=\"num\">2017-W10</th><th scope=\"col\" class=\"num\">2017-W11</th>");
    assertThat(rows(html, "table-split"))
        .containsExactly(
            List.of("Turn on iCloud Backup step 1", "–", "66.7% 2"),
            List.of("Plug the phone in step 3", "–", "33.3% 1"),
            List.of("Upgrade the iCloud plan step 4", "100% 1", "–"),
            List.of("All resolutions", "1", "3"));
    assertThat(html)
        .contains(
            "<a href=\"/reports?"
                + amp(PERIOD)
                + "&amp;split=week#resolutions\" aria-current=\"page\">By week</a>")
        // The filter form keeps the split.
        .contains("<input type=\"hidden\" name=\"split\" value=\"week\">");

    String byIos = page("/reports?" + PERIOD + "&split=ios_major");
    assertThat(byIos).contains(">iOS 16</th>").contains(">iOS 17</th>");
    assertThat(rows(byIos, "table-split"))
        .containsExactly(
            List.of("Turn on iCloud Backup step 1", "–", "66.7% 2"),
            List.of("Plug the phone in step 3", "100% 1", "–"),
            List.of("Upgrade the iCloud plan step 4", "–", "33.3% 1"),
            List.of("All resolutions", "1", "3"));
  }

  @Test
  @TestSecurity(user = "rpg-lead", roles = "supervisor", authMechanism = "form")
  void filtersNarrowEveryReportAndStayInTheFormAndLinks() {
    String html = page("/reports?" + PERIOD + "&deviceModel=" + A + "&iosMajor=&agent=");
    // Device A only: T1, T5, T7, all resolved at attempt 1; T1's customer came back within 7 days.
    assertThat(text(html, "fcr-rate")).isEqualTo("66.7%");
    assertThat(html)
        .contains("<option value=\"" + A + "\" selected>" + A + "</option>")
        .contains("value=\"2017-03-06\"")
        .contains(
            "href=\"/reports/agents.csv?"
                + amp(PERIOD)
                + "&amp;deviceModel=iPhone+Pages-A\" class=\"csv-link\" download");

    // Only bob's diagnoses: D3 escalated (W10); D4 and D6 resolved (W11).
    assertThat(rows(page("/reports?" + PERIOD + "&agent=rpg-bob"), "table-escalations"))
        .containsExactly(
            List.of("2017-W10 6 Mar – 12 Mar", "1", "0", "1", "0", "100%"),
            List.of("2017-W11 13 Mar – 19 Mar", "2", "2", "0", "0", "0%"),
            List.of("Period", "3", "2", "1", "0", "33.3%"));
  }

  @Test
  @TestSecurity(user = "rpg-lead", roles = "supervisor", authMechanism = "form")
  void csvDownloadsAreTheApiCsvWithTheSameFilters() {
    given()
        .get("/reports/escalations.csv?" + PERIOD + "&agent=rpg-bob")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .header(
            "Content-Disposition",
            "attachment; filename=\"escalations_2017-03-06_2017-03-19.csv\"");
    String csv =
        given()
            .get("/reports/escalations.csv?" + PERIOD + "&agent=rpg-bob")
            .then()
            .extract()
            .asString();
    assertThat(csv.split("\r\n", -1))
        .containsExactly(
            "week,ended,resolved,escalated,waiting_on_apple,escalation_rate",
            "2017-W10,1,0,1,0,1.0000",
            "2017-W11,2,2,0,0,0.0000",
            "total,3,2,1,0,0.3333",
            "");
    assertThat(
            given()
                .get("/reports/resolutions-by-fix.csv?" + PERIOD + "&iosMajor=16")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .split("\r\n"))
        .containsExactly(
            "dimension,group,step_number,step_key,step_title,fix_key,fix_label,resolutions,share",
            "overall,all,3,power,Power,plug-in,Plug the phone in,1,1.0000",
            "device_model,iPhone Pages-B,3,power,Power,plug-in,Plug the phone in,1,1.0000",
            "ios_major,16,3,power,Power,plug-in,Plug the phone in,1,1.0000",
            "week,2017-W11,3,power,Power,plug-in,Plug the phone in,1,1.0000");

    // Every report the page links has its documented header.
    var headers =
        List.of(
            "step-funnel.csv|playbook_version,step_number,step_key,step_title,reached,resolved,"
                + "abandoned,escalated,waiting_on_apple,stalled",
            "time-to-resolution.csv|resolved_tickets,median_seconds,p90_seconds\r\n4,2700.0,359760.0",
            "step-times.csv|step_number,step_key,step_title,results,median_seconds,p90_seconds",
            "first-contact-resolution.csv|resolved_tickets,first_contact_resolutions,rate\r\n"
                + "4,2,0.5000",
            "agents.csv|agent,display_name,tickets_handled,diagnoses,tickets_resolved,"
                + "resolution_rate,mean_steps_to_resolution\r\nrpg-ann,Rpg-ann,5,5,2,0.4000,2.50",
            "repeat-contacts.csv|resolved_tickets,followed_by_new_ticket,repeat_rate,customers,"
                + "customers_back\r\n4,2,0.5000,3,2");
    for (String h : headers) {
      String[] parts = h.split("\\|");
      given()
          .get("/reports/" + parts[0] + "?" + PERIOD)
          .then()
          .statusCode(200)
          .body(startsWith(parts[1]));
    }
    given().get("/reports/nothing.csv?" + PERIOD).then().statusCode(404);
  }

  @Test
  @TestSecurity(user = "rpg-lead", roles = "supervisor", authMechanism = "form")
  void aBadFilterShowsTheMessageNextToTheFieldWithStatus400() {
    String html =
        given()
            .get("/reports?from=2017-02-30&to=2017-03-19")
            .then()
            .statusCode(400)
            .contentType(startsWith("text/html"))
            .extract()
            .asString();
    assertThat(html)
        .contains("The reports were not computed: correct the filter marked below.")
        .contains("aria-invalid=\"true\" aria-describedby=\"from-error\"")
        .contains(
            "<small class=\"field-error\" id=\"from-error\">from must be a date like 2024-05-31"
                + " (UTC); got &#39;2017-02-30&#39;.</small>")
        .doesNotContain("id=\"resolutions\"");

    String swapped =
        given()
            .get("/reports?from=2017-03-19&to=2017-03-06")
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertThat(swapped).contains("id=\"from-error\">&#39;from&#39; (2017-03-19) is after");
    given()
        .get("/reports?iosMajor=seventeen")
        .then()
        .statusCode(400)
        .body(containsString("id=\"iosMajor-error\">iosMajor must be a whole number"));
  }

  @Test
  @TestSecurity(user = "rpg-lead", roles = "supervisor", authMechanism = "form")
  void aPeriodWithoutDataSaysSoInEverySection() {
    String html = page("/reports?from=1999-01-01&to=1999-01-31");
    assertThat(count(html, "<p class=\"empty\">No data in this period")).isEqualTo(9);
    assertThat(html).doesNotContain("role=\"img\"").doesNotContain("<table");
    assertThat(text(html, "figure-resolved")).isEqualTo("0");
    assertThat(text(html, "figure-first-contact")).isEqualTo("–");
    assertThat(text(html, "figure-median")).isEqualTo("–");
  }

  @Test
  // The role hierarchy makes every supervisor an agent too; the queue needs that.
  @TestSecurity(
      user = "rpg-lead",
      roles = {"supervisor", "agent"},
      authMechanism = "form")
  void supervisorsSeeTheReportsLink() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(containsString("<li><a href=\"/reports\" >Reports</a></li>"));
    assertThat(page("/reports"))
        .contains("<a href=\"/reports\" aria-current=\"page\">Reports</a>")
        .contains("<link rel=\"stylesheet\" href=\"/css/reports.css\">");
  }

  @Test
  @TestSecurity(user = "rpg-agent", roles = "agent", authMechanism = "form")
  void agentsGet403AndNoLink() {
    given().get("/reports?" + PERIOD).then().statusCode(403);
    given().get("/reports/agents.csv?" + PERIOD).then().statusCode(403);
    given().get("/").then().statusCode(200).body(not(containsString("href=\"/reports\"")));
  }

  @Test
  void theStylesheetIsServed() {
    given().get("/css/reports.css").then().statusCode(200).body(containsString(".bar-fix"));
  }

  // ---- reading the page ----------------------------------------------------------------------

  private static String page(String url) {
    return given().get(url).then().statusCode(200).extract().asString();
  }

  private static String amp(String query) {
    return query.replace("&", "&amp;");
  }

  /** The text of the element with this id. */
  private static String text(String html, String id) {
    Matcher m =
        Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("element #" + id).isTrue();
    return clean(m.group(1));
  }

  /** The SVG element with this id. */
  private static String svg(String html, String id) {
    int start = html.indexOf("<svg id=\"" + id + "\"");
    assertThat(start).as("chart #" + id).isGreaterThanOrEqualTo(0);
    return html.substring(start, html.indexOf("</svg>", start));
  }

  /** The body and footer rows of the table with this id, each as its cells' text. */
  private static List<List<String>> rows(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("table #" + id).isGreaterThanOrEqualTo(0);
    String table = html.substring(start, html.indexOf("</table>", start));
    table = table.substring(table.indexOf("</thead>"));
    var rows = new ArrayList<List<String>>();
    Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table);
    while (row.find()) {
      var cells = new ArrayList<String>();
      Matcher cell =
          Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
      while (cell.find()) {
        cells.add(clean(cell.group(1)));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static String clean(String fragment) {
    return fragment
        .replaceAll("<[^>]+>", " ")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}

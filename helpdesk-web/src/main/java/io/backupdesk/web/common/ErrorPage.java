package io.backupdesk.web.common;

import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * The error page in the app's layout, for every refusal of a page request: from an exception
 * mapper, from a response that a filter ended without a body (a CSRF refusal, a 403 of the security
 * layer), or from the HTTP layer before any resource ran (a body over the limit). {@code bare}
 * leaves the signed-in header out where no request scope exists to ask who is signed in.
 */
@ApplicationScoped
public class ErrorPage {

  private static final Pattern DIAGNOSIS_FORM =
      Pattern.compile("^(/tickets/\\d+/diagnosis)/[a-z-]+$");
  private static final Pattern TICKET_FORM = Pattern.compile("^(/tickets/\\d+)/[a-z-]+$");
  private static final Pattern ACCOUNT_FORM = Pattern.compile("^/admin/accounts(/.*)?$");
  private static final Pattern TOKEN_FORM = Pattern.compile("^/account/tokens(/.*)?$");

  /** Feature roots whose forms all post below the page they are on. */
  private static final Pattern ROOT_FORM =
      Pattern.compile("^(/incidents|/admin/playbook|/step-order|/profile)(/.*)?$");

  private final Template error;

  ErrorPage(Template error) {
    this.error = error;
  }

  public String render(Problem problem, String path, boolean bare) {
    return error
        .data("problem", problem)
        .data("path", path)
        .data("back", pageOfForm(path))
        .data("bare", bare)
        .render();
  }

  /** A sentence a person can act on, for a refusal that came without one. */
  public static Problem forStatus(int status, String path) {
    return switch (status) {
      case 400 ->
          Problem.of(
              ProblemType.FORM_NOT_VERIFIED,
              "This form could not be checked as coming from your own page (its security token"
                  + " was missing or out of date, for example after signing in again in another"
                  + " tab), so nothing was saved. Go back, reload the page and send the form"
                  + " again.");
      case 401 ->
          Problem.of(
              401, "unauthorized", "Not signed in", "Sign in first, then open the page again.");
      case 403 ->
          Problem.of(
              403,
              "forbidden",
              "Not for your role",
              "Your account is not allowed to open this page or do this. If your work needs it,"
                  + " ask an administrator to give your account the role it requires.");
      case 404 ->
          Problem.of(
              ProblemType.NOT_FOUND,
              "Nothing lives at " + path + ". Check the address, or go back to the queue.");
      case 405 ->
          Problem.of(
              405,
              "method-not-allowed",
              "Not possible here",
              "This address cannot be used that way. Go back to the page and use its buttons.");
      case 413 -> tooLarge(1);
      case 415 ->
          Problem.of(
              ProblemType.UNSUPPORTED_MEDIA_TYPE,
              "This address only takes forms sent from the desk's own pages; nothing was saved."
                  + " Go back to the page and use its form.");
      case 503 ->
          Problem.of(
              ProblemType.BUSY,
              "The desk is too busy to answer right now; nothing was saved. Wait a moment and"
                  + " try again.");
      default ->
          Problem.of(
              ProblemType.UNEXPECTED,
              "Something went wrong on our side; nothing was saved. Try again, and tell an"
                  + " administrator if it persists.");
    };
  }

  public static Problem tooLarge(long megabytes) {
    return Problem.of(
        ProblemType.BODY_TOO_LARGE,
        "What you sent is larger than the "
            + megabytes
            + " MB the desk accepts; nothing was saved. Go back, shorten the text (for example,"
            + " split a long note in two) and send it again.");
  }

  /** The page whose form posts to {@code path}, to go back to; null when it is a page itself. */
  static String pageOfForm(String path) {
    if (path == null) {
      return null;
    }
    var diagnosis = DIAGNOSIS_FORM.matcher(path);
    if (diagnosis.matches()) {
      return diagnosis.group(1);
    }
    if (path.matches("^/tickets/\\d+/diagnosis$")) {
      return path;
    }
    var ticket = TICKET_FORM.matcher(path);
    if (ticket.matches() && !path.equals("/tickets/new")) {
      return ticket.group(1);
    }
    if (path.equals("/tickets")) {
      return "/tickets/new";
    }
    if (ACCOUNT_FORM.matcher(path).matches()) {
      return "/admin/accounts";
    }
    if (TOKEN_FORM.matcher(path).matches()) {
      return "/account/tokens";
    }
    var root = ROOT_FORM.matcher(path);
    if (root.matches()) {
      return root.group(1);
    }
    return null;
  }
}

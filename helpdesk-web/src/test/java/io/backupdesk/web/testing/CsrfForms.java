package io.backupdesk.web.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Gives REST Assured form posts what a browser gets from our pages: the CSRF cookie and the same
 * token in the form, as the double-submit check expects. Tests that prove the check refuses posts
 * without a token do not go through REST Assured.
 */
public final class CsrfForms implements Filter {

  public static final String COOKIE = "backupdesk-csrf";
  public static final String FIELD = "csrf-token";
  private static volatile boolean enabled;

  private CsrfForms() {}

  /** Adds the filter to REST Assured once for the whole test run. */
  public static synchronized void enable() {
    if (!enabled) {
      RestAssured.filters(new CsrfForms());
      enabled = true;
    }
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    var type = request.getContentType();
    boolean formPost =
        "POST".equals(request.getMethod())
            && request.getBody() == null
            && (type == null || type.startsWith("application/x-www-form-urlencoded"));
    if (formPost && !request.getFormParams().containsKey(FIELD)) {
      var bytes = new byte[16];
      new SecureRandom().nextBytes(bytes);
      var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      request.cookie(COOKIE, token);
      request.formParam(FIELD, token);
    }
    return context.next(request, response);
  }
}

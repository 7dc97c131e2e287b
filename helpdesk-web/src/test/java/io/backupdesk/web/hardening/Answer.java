package io.backupdesk.web.hardening;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What one request got back, kept so that a failing assertion can show the request and answer. */
record Answer(String request, int status, String contentType, String body) {

  static Answer of(String request, Response response) {
    return new Answer(
        request, response.statusCode(), response.contentType(), response.body().asString());
  }

  JsonPath json() {
    return JsonPath.from(body);
  }

  boolean accepted() {
    return status >= 200 && status < 300;
  }

  boolean isProblem() {
    return contentType != null && contentType.startsWith("application/problem+json");
  }

  @Override
  public String toString() {
    var shown = body == null || body.length() <= 600 ? body : body.substring(0, 600) + "…";
    return request + " → " + status + " " + contentType + " " + shown;
  }
}

package io.backupdesk.web.common.ui;

import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.ProblemType;
import io.backupdesk.web.common.RequestRefusedException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Parameter;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * What a page's state-changing route accepts before anything else runs: a form (url-encoded or
 * multipart), nothing else. quarkus-rest-csrf checks the token of a form only, and skips a request
 * of any other type (a JSON body, or none at all); without this gate, a POST with the session
 * cookie alone and no body started diagnoses, revoked tokens and signed people out. A form without
 * a valid token is then refused by the CSRF filter, and a refusal renders as a page ({@code
 * PageResponses}). The form fields themselves are read strictly by {@code common.StrictParams}.
 */
class FormGate {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  @ServerRequestFilter(preMatching = true)
  void onlyFormsChangeState(ContainerRequestContext request) {
    if (!WRITES.contains(request.getMethod()) || !isPage(request.getUriInfo().getPath())) {
      return;
    }
    MediaType type = request.getMediaType();
    boolean form =
        type != null
            && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    if (!form) {
      throw new RequestRefusedException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "This address only takes forms sent from the desk's own pages"
              + (type == null ? " (this request had no body)" : " (this was " + type + ")")
              + "; nothing was saved. Go back to the page and use its form.");
    }
  }

  /**
   * A number or yes/no field that the form sends empty ({@code version=}) is refused rather than
   * read as "not sent": JAX-RS gives an empty value to such a parameter as null, and a null version
   * means "apply whatever changed meanwhile". The forms always fill these fields; an empty one is a
   * tampered or broken form.
   */
  @ServerRequestFilter
  @WithFormRead // the form is read on demand: without this, before this filter it may not be
  void noEmptyNumbers(ContainerRequestContext request, ResourceInfo resource) {
    var method = resource.getResourceMethod();
    if (method == null
        || !WRITES.contains(request.getMethod())
        || !isPage(request.getUriInfo().getPath())
        || !(request instanceof ResteasyReactiveContainerRequestContext reactive)
        || !(reactive.getServerRequestContext() instanceof ResteasyReactiveRequestContext context)
        || context.getFormData() == null) {
      return;
    }
    for (Parameter parameter : method.getParameters()) {
      var type = parameter.getType();
      if (!(type == Integer.class
          || type == int.class
          || type == Long.class
          || type == long.class
          || type == Boolean.class
          || type == boolean.class)) {
        continue;
      }
      String name = formField(parameter);
      var values = name == null ? null : context.getFormData().get(name);
      if (values == null) {
        continue;
      }
      for (var value : values) {
        if (!value.isFileItem() && (value.getValue() == null || value.getValue().isBlank())) {
          throw new InvalidInputException(
              name, "The field " + name + " came empty; reload the page and send the form again.");
        }
      }
    }
  }

  private static String formField(Parameter parameter) {
    var rest = parameter.getAnnotation(RestForm.class);
    if (rest != null) {
      return rest.value().isEmpty() ? parameter.getName() : rest.value();
    }
    var form = parameter.getAnnotation(FormParam.class);
    return form == null ? null : form.value();
  }

  /** The pages: everything but the API and Quarkus' own endpoints. */
  static boolean isPage(String path) {
    var p = path.startsWith("/") ? path : "/" + path;
    return !p.startsWith("/api/") && !p.equals("/api") && !p.startsWith("/q/");
  }
}

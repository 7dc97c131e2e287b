package io.backupdesk.web.common.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The If-Match header of a change, as a bean parameter: see {@link Preconditions}. */
public class IfMatch {

  @Parameter(in = ParameterIn.HEADER, description = "The ETag you read, e.g. \"3\"")
  @HeaderParam(HttpHeaders.IF_MATCH)
  public String ifMatch;

  /** The version the change must find, from the body's {@code version} or If-Match. */
  public Integer expected(Integer bodyVersion) {
    return Preconditions.expectedVersion(bodyVersion, ifMatch);
  }
}

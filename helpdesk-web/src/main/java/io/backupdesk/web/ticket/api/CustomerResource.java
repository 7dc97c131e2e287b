package io.backupdesk.web.ticket.api;

import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;

import io.backupdesk.web.common.api.Preconditions;
import io.backupdesk.web.common.api.QueryParams;
import io.backupdesk.web.ticket.Customer;
import io.backupdesk.web.ticket.CustomerQuery;
import io.backupdesk.web.ticket.CustomerRename;
import io.backupdesk.web.ticket.RenameCustomer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customers and their history of tickets. A customer comes with their first ticket; the one change
 * is a correction of the name, which every ticket of the customer records in its timeline.
 */
@Path("/api/v1/customers")
@Tag(name = "Customers", description = "iPhone owners who contacted support, and their tickets")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = UNAUTHORIZED)
@APIResponse(responseCode = "403", description = FORBIDDEN)
public class CustomerResource {

  private final CustomerQuery customers;
  private final RenameCustomer renameCustomer;

  @Inject SecurityIdentity identity;

  CustomerResource(CustomerQuery customers, RenameCustomer renameCustomer) {
    this.customers = customers;
    this.renameCustomer = renameCustomer;
  }

  @GET
  @Operation(
      summary = "Find a customer by e-mail address",
      description = "The address is compared in any case. Answers the customer with their tickets.")
  @APIResponse(
      responseCode = "200",
      description = "The customer",
      content = @Content(schema = @Schema(implementation = CustomerJson.class)))
  @APIResponse(responseCode = "400", description = "No `email` parameter")
  @APIResponse(responseCode = "404", description = "No customer with this e-mail address")
  public CustomerJson byEmail(
      @Parameter(description = "The customer's e-mail address", required = true)
          @QueryParam("email")
          String email) {
    return details(customers.byEmail(QueryParams.required("email", email)));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a customer with their tickets, newest first")
  @APIResponse(
      responseCode = "200",
      description = "The customer",
      content = @Content(schema = @Schema(implementation = CustomerJson.class)))
  @APIResponse(responseCode = "404", description = "No such customer")
  public CustomerJson get(@PathParam("id") long id) {
    return details(customers.get(id));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Correct a customer's name",
      description =
          "The only way a name changes: opening a ticket with a known e-mail address keeps the"
              + " name on file. Every ticket of the customer gets a timeline line with the old and"
              + " the new name. Send the customer's version as `version` or `If-Match`.")
  @APIResponse(
      responseCode = "200",
      description = "The customer after the change",
      content = @Content(schema = @Schema(implementation = CustomerJson.class)))
  @APIResponse(responseCode = "400", description = "No name, or a name over 120 characters")
  @APIResponse(responseCode = "404", description = "No such customer")
  @APIResponse(
      responseCode = "409",
      description = "Someone renamed the customer since the version you sent; nothing changed")
  public CustomerJson rename(
      @PathParam("id") long id,
      @Parameter(in = ParameterIn.HEADER, description = "The version you read, e.g. \"3\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull(message = "Send the change as a JSON object") CustomerRename body) {
    var expected = Preconditions.expectedVersion(body.version(), ifMatch);
    renameCustomer.handle(id, expected, body, identity.getPrincipal().getName());
    return details(customers.get(id));
  }

  private CustomerJson details(Customer customer) {
    return CustomerJson.of(customer, customers.ticketsOf(customer.id));
  }
}

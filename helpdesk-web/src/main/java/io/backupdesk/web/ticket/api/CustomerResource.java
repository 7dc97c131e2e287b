package io.backupdesk.web.ticket.api;

import static io.backupdesk.web.common.api.ProblemResponses.FORBIDDEN;
import static io.backupdesk.web.common.api.ProblemResponses.UNAUTHORIZED;

import io.backupdesk.web.common.api.QueryParams;
import io.backupdesk.web.ticket.Customer;
import io.backupdesk.web.ticket.CustomerQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers and their history of tickets, read-only: a customer comes with their first ticket. */
@Path("/api/v1/customers")
@Tag(name = "Customers", description = "iPhone owners who contacted support, and their tickets")
@RolesAllowed("agent")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

  private final CustomerQuery customers;

  CustomerResource(CustomerQuery customers) {
    this.customers = customers;
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
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
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
  @APIResponse(responseCode = "401", description = UNAUTHORIZED)
  @APIResponse(responseCode = "403", description = FORBIDDEN)
  public CustomerJson get(@PathParam("id") long id) {
    return details(customers.get(id));
  }

  private CustomerJson details(Customer customer) {
    return CustomerJson.of(customer, customers.ticketsOf(customer.id));
  }
}

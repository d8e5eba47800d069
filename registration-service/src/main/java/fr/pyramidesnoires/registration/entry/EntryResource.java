package fr.pyramidesnoires.registration.entry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/api/entries")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    final Registrations registrations;

    EntryResource(Registrations registrations) {
        this.registrations = registrations;
    }

    @POST
    public Response register(@NotNull @Valid RegistrationRequest request) {
        Entry entry = registrations.register(request);
        return Response.created(URI.create("/api/entries/" + entry.id)).entity(EntryConfirmation.of(entry)).build();
    }
}

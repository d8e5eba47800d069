package fr.pyramidesnoires.registration.certificate;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryConfirmation;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

@Path("/api/entries/by-token/{token}/certificate")
public class CertificateResource {

    final Certificates certificates;

    CertificateResource(Certificates certificates) {
        this.certificates = certificates;
    }

    /** The runner's medical certificate, as the PDF file itself in the body; a new one replaces the last. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public EntryConfirmation upload(@PathParam("token") String token, InputStream pdf) {
        Entry entry = Entry.activeByToken(token);
        certificates.store(entry, certificates.read(pdf));
        return EntryConfirmation.of(entry);
    }
}

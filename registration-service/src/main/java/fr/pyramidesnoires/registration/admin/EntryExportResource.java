package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.entry.Entry;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin")
@Produces(Csv.MEDIA_TYPE)
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: exports")
public class EntryExportResource {

    @GET
    @Path("entries.csv")
    @Transactional
    @Operation(summary = "Every entry with every field, private ones included, of one race or of all")
    public Response entries(@QueryParam("race") @PlainText String race) {
        StringBuilder csv = new StringBuilder(Csv.line("id", "race", "status", "bib", "chip", "waitlistedAt",
                "lastName", "firstName", "sex", "birthDate", "category", "nationality", "club", "publishName",
                "email", "phone", "emergencyContactName", "emergencyContactPhone", "licenceNumber", "ppsNumber",
                "ppsDate", "medicalCertificate", "waiverAcceptedAt", "documentsCheckedBy", "documentsCheckedAt",
                "createdAt", "importedFrom"));
        Sort order = Sort.by("raceCode").and("bib", Sort.NullPrecedence.NULLS_LAST).and("createdAt").and("id");
        List<Entry> entries = race == null || race.isBlank() ? Entry.listAll(order)
                : Entry.list("raceCode", order, race);
        for (Entry e : entries) {
            csv.append(Csv.line(e.id, e.raceCode, e.status, e.bib, e.chip, e.waitlistedAt, e.lastName, e.firstName,
                    e.sex, e.birthDate, e.category, e.nationality, e.club, e.publishName, e.email, e.phone,
                    e.emergencyContactName, e.emergencyContactPhone, e.licenceNumber, e.ppsNumber, e.ppsDate,
                    e.medicalCertificate, e.waiverAcceptedAt, e.documentsCheckedBy, e.documentsCheckedAt, e.createdAt,
                    e.importedFrom));
        }
        return Csv.download(csv, race == null || race.isBlank() ? "inscriptions.csv" : "inscriptions-" + race + ".csv");
    }
}

package fr.pyramidesnoires.registration.edition;

import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/editions/{year}/races/{race}/results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: past editions")
public class EditionResource {

    /** What was published of the file, and the columns it left out. */
    public record EditionImported(int year, String raceCode, String raceName, double distanceKm, int rows,
                                  long finishers, List<EditionSheet.Ignored> ignoredColumns) {
    }

    final EditionImport editions;

    EditionResource(EditionImport editions) {
        this.editions = editions;
    }

    /**
     * UTF-8, as every file of the platform; but a spreadsheet on Windows saves its CSV in the system's own encoding,
     * and an edition's file is often older than the platform: what is no UTF-8 is read as Windows-1252.
     */
    static String text(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return new String(file, Charset.forName("windows-1252"));
        }
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Publish the results of one race of a past edition from its file (semicolon-separated, a"
            + " header line first), replacing any earlier import of that edition and race. columns maps the public"
            + " fields to the file's headers (rank:Clt,bib:Dossard,lastName:Nom,firstName:Prénom,sex:Sexe,"
            + "category:Cat,club:Club,nationality:Nat,time:Temps,status:Statut,raceName:Course,distanceKm:Distance"
            + " are the defaults); raceName and distanceKm as parameters or columns. UTF-8, or Windows-1252 as"
            + " spreadsheets save it. All of it or nothing: every fault is answered in one 422 with its line. Columns"
            + " of personal data are never read, and are named in the answer")
    public EditionImported importResults(@PathParam("year") int year, @PathParam("race") String race,
                                         @QueryParam("columns") String columns,
                                         @QueryParam("raceName") String raceName,
                                         @QueryParam("distanceKm") String distanceKm, byte[] csv) {
        EditionSheet.Read read = editions.publish(year, race, raceName, distanceKm, columns, text(csv));
        PastResults results = read.results();
        return new EditionImported(year, race, results.raceName(), results.distanceKm(), results.rows().size(),
                results.rows().stream().filter(r -> r.status() == PastResults.Status.FINISHED).count(),
                read.ignored());
    }
}

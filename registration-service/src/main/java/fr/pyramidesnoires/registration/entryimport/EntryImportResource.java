package fr.pyramidesnoires.registration.entryimport;

import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/races/{code}/entries/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: races")
public class EntryImportResource {

    /** What an import did. */
    public record EntriesImported(int entered) {
    }

    final EntryImport entryImport;

    EntryImportResource(EntryImport entryImport) {
        this.entryImport = entryImport;
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Enter the runners of another registration platform's CSV export, its columns named by a "
            + "built-in format (njuko, ultrasignup, runsignup: examples to adjust) or by mapping=field:Header,...; "
            + "no health proof is asked, each entry says where it came from; all of it or nothing, the lines at fault "
            + "answered with their number")
    public EntriesImported importEntries(
            @PathParam("code") @PlainText String code,
            @QueryParam("format") @PlainText String format,
            @QueryParam("mapping") @PlainText String mapping,
            @QueryParam("dates") @Pattern(regexp = "dmy|mdy", message = "dmy ou mdy / dmy or mdy") String dates,
            @QueryParam("source") @Pattern(regexp = "[A-Za-z0-9 ._-]{1,40}", message = "au plus 40 lettres, chiffres,"
                    + " espaces, points ou tirets / at most 40 letters, digits, spaces, dots or dashes") String source,
            String csv) {
        return new EntriesImported(entryImport.apply(code, csv == null ? "" : csv,
                mapping(format, mapping, dates, source)));
    }

    private static ColumnMapping mapping(String format, String mapping, String dates, String source) {
        if ((format == null) == (mapping == null)) {
            throw invalid("format", "donnez format=njuko|ultrasignup|runsignup ou mapping=champ:En-tête,..., l'un des"
                    + " deux / give format=njuko|ultrasignup|runsignup or mapping=field:Header,..., one of them");
        }
        if (format != null) {
            if (dates != null || source != null) {
                throw invalid(dates != null ? "dates" : "source", "va avec mapping, un format a les siens / goes with"
                        + " mapping, a format has its own");
            }
            return ColumnMapping.builtIn(format).orElseThrow(() -> invalid("format", "njuko, ultrasignup ou"
                    + " runsignup / njuko, ultrasignup or runsignup"));
        }
        try {
            return ColumnMapping.of(mapping, source == null ? "csv" : source, "mdy".equals(dates)
                    ? ColumnMapping.DateOrder.MONTH_DAY_YEAR : ColumnMapping.DateOrder.DAY_MONTH_YEAR);
        } catch (IllegalArgumentException e) {
            throw invalid("mapping", e.getMessage());
        }
    }

    private static ProblemException invalid(String field, String why) {
        return new ProblemException(new Problem(Problem.TYPES + "invalid-fields", "Champs invalides / Invalid fields",
                400, field + " " + why, List.of(new Problem.FieldError(field, why))));
    }
}

package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.event.EventSettings;
import fr.pyramidesnoires.registration.race.Race;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/races")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: races")
public class AdminRaceResource {

    /** What a bib list changed. */
    public record BibsImported(int entriesChanged) {
    }

    final RaceChanges changes;
    final BibImport bibImport;
    final EventSettings event;

    AdminRaceResource(RaceChanges changes, BibImport bibImport, EventSettings event) {
        this.changes = changes;
        this.bibImport = bibImport;
        this.event = event;
    }

    @GET
    @Transactional
    @Operation(summary = "Every race, with the settings an organiser may change")
    public List<AdminRace> races() {
        return Race.<Race>listAll(Sort.by("startTime").and("code")).stream()
                .map(race -> AdminRace.of(race, event.currencyCode())).toList();
    }

    @PUT
    @Path("{code}/settings")
    @Transactional
    @Operation(summary = "Replace a race's capacity, entries window, fee, km-effort limits and certificate rule; "
            + "published to the other services, and places added go to the waitlist")
    public AdminRace change(@PathParam("code") @PlainText String code, @NotNull @Valid RaceSettings settings) {
        return AdminRace.of(changes.change(code, settings), event.currencyCode());
    }

    @POST
    @Path("{code}/bibs")
    @Consumes("text/csv")
    @Operation(summary = "Assign bibs and chips from a list, one entry a line: entry id, licence or e-mail;bib;chip "
            + "(an empty cell keeps the entry's); all of it or nothing, the lines at fault answered with their number")
    public BibsImported importBibs(@PathParam("code") @PlainText String code, String csv) {
        return new BibsImported(bibImport.apply(code, csv));
    }

    @GET
    @Path("{code}/start-list.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "A race's start list by bib, as posted and printed: a withheld name is left empty")
    public Response startList(@PathParam("code") @PlainText String code) {
        if (Race.findById(code) == null) {
            throw new EntryRefused(404, "unknown-race", "Aucune course " + code + " / There is no race " + code);
        }
        StringBuilder csv = new StringBuilder(Csv.line("bib", "lastName", "firstName", "sex", "category", "club",
                "nationality"));
        List<Entry> entries = Entry.list("raceCode = ?1 and status = ?2", Sort.by("bib"), code, EntryStatus.CONFIRMED);
        for (Entry e : entries) {
            csv.append(Csv.line(e.bib, e.publishName ? e.lastName : null, e.publishName ? e.firstName : null, e.sex,
                    e.category, e.club, e.nationality));
        }
        return Csv.download(csv, "depart-" + code + ".csv");
    }
}

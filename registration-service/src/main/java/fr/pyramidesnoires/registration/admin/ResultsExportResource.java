package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.problem.PlainText;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.race.Race;
import fr.pyramidesnoires.registration.results.FederationFiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A race's results in the federations' files. Made here, not by results-web, because they need the runners' birth
 * dates and licence numbers, which never leave registration: timing's snapshots come here instead (TimingFeed).
 */
@Path("/api/admin/races/{code}/results")
@Produces(Csv.MEDIA_TYPE)
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: races")
public class ResultsExportResource {

    final EntityManager em;

    ResultsExportResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Path("ffa.csv")
    @Transactional
    @Operation(summary = "The race's results for the FFA: finishers by gun time, then DNF, DSQ and DNS; birth year,"
            + " licence and nationality of every runner, names withheld from the public pages included")
    public Response ffa(@PathParam("code") @PlainText String code) {
        return Csv.download(new StringBuilder(FederationFiles.ffa(runners(code))), "resultats-ffa-" + code + ".csv");
    }

    @GET
    @Path("itra.csv")
    @Transactional
    @Operation(summary = "The race's results for ITRA / UTMB Index: finishers by gun time, then DNF and DSQ (a"
            + " runner who did not start is left out, as ITRA asks), with birth date and nationality")
    public Response itra(@PathParam("code") @PlainText String code) {
        return Csv.download(new StringBuilder(FederationFiles.itra(runners(code))), "results-itra-" + code + ".csv");
    }

    /** Every runner with a place in the race, with timing's last snapshot of their bib. */
    private List<FederationFiles.Runner> runners(String code) {
        if (Race.findById(code) == null) {
            throw new EntryRefused(404, "unknown-race", "Aucune course " + code + " / There is no race " + code);
        }
        Map<Integer, Object[]> timings = new HashMap<>();
        List<?> rows = em.createNativeQuery("SELECT bib, status, guntimems FROM runnertiming WHERE racecode = ?1")
                .setParameter(1, code).getResultList();
        rows.forEach(row -> timings.put(((Number) ((Object[]) row)[0]).intValue(), (Object[]) row));
        return Entry.<Entry>list("raceCode = ?1 and status = ?2", code, EntryStatus.CONFIRMED).stream()
                .map(e -> {
                    Object[] timing = timings.get(e.bib);
                    return new FederationFiles.Runner(e.bib, e.lastName, e.firstName, e.sex, e.category, e.birthDate,
                            e.club, e.licenceNumber, e.nationality,
                            timing == null ? null : RunnerTiming.Status.valueOf((String) timing[1]),
                            timing == null || timing[2] == null ? null : ((Number) timing[2]).longValue());
                })
                .toList();
    }
}

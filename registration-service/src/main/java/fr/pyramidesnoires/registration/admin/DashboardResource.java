package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.account.OrganiserAccount;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.mail.RunnerMail;
import fr.pyramidesnoires.registration.race.Race;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OrganiserAccount.ROLE)
@Tag(name = "Organiser: dashboard")
public class DashboardResource {

    /** One group of entries alike in race, status, sex and category. */
    private record Group(String race, EntryStatus status, String sex, String category, long entries,
                         long documentsChecked) {
    }

    private static final int GIVEN_UP_SHOWN = 100;

    final EntityManager em;

    DashboardResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Transactional
    @Operation(summary = "Fill rate and waitlist per race; confirmed entries by sex and by category; mails to "
            + "runners waiting for the mail server, and the latest given up")
    public Dashboard dashboard() {
        List<Group> groups = em.createQuery("""
                        select e.raceCode, e.status, e.sex, e.category, count(*), count(e.documentsCheckedAt)
                        from Entry e group by e.raceCode, e.status, e.sex, e.category""", Object[].class)
                .getResultStream()
                .map(row -> new Group((String) row[0], (EntryStatus) row[1], ((EntryEvent.Sex) row[2]).name(),
                        (String) row[3], (Long) row[4], (Long) row[5]))
                .toList();
        List<Dashboard.RaceFill> races = new ArrayList<>();
        for (Race race : Race.<Race>listAll(Sort.by("startTime").and("code"))) {
            List<Group> ofRace = groups.stream().filter(g -> g.race().equals(race.code)).toList();
            List<Group> confirmed = having(ofRace, EntryStatus.CONFIRMED);
            long places = total(confirmed);
            races.add(new Dashboard.RaceFill(race.code, race.name, race.capacity, places,
                    total(having(ofRace, EntryStatus.HELD)), total(having(ofRace, EntryStatus.WAITLISTED)), total(having(ofRace, EntryStatus.CANCELLED)),
                    race.capacity == 0 ? 0 : (double) places / race.capacity,
                    confirmed.stream().mapToLong(Group::documentsChecked).sum(),
                    countBy(confirmed, Group::sex), countBy(confirmed, Group::category)));
        }
        List<Group> confirmed = having(groups, EntryStatus.CONFIRMED);
        return new Dashboard(races, total(confirmed), total(having(groups, EntryStatus.WAITLISTED)),
                countBy(confirmed, Group::sex), countBy(confirmed, Group::category), RunnerMail.waiting(),
                RunnerMail.givenUp(GIVEN_UP_SHOWN).stream().map(mail -> new Dashboard.GivenUpMail(mail.id,
                        mail.entryId, mail.recipient, mail.change, mail.lastError)).toList());
    }

    @DELETE
    @Path("given-up-mails/{id}")
    @Transactional
    @Operation(summary = "Take a given-up mail off the dashboard, once the runner was told another way")
    public void forgetGivenUpMail(@PathParam("id") long id) {
        if (!RunnerMail.forgetGivenUp(id)) {
            throw new ProblemException(Problem.of(404, "no-given-up-mail", "Courriel inconnu / Unknown mail",
                    "Aucun courriel abandonné " + id + " / No given-up mail " + id));
        }
    }

    private static List<Group> having(List<Group> groups, EntryStatus status) {
        return groups.stream().filter(g -> g.status() == status).toList();
    }

    private static long total(List<Group> groups) {
        return groups.stream().mapToLong(Group::entries).sum();
    }

    private static Map<String, Long> countBy(List<Group> groups, Function<Group, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        groups.forEach(g -> counts.merge(key.apply(g), g.entries(), Long::sum));
        return counts;
    }
}

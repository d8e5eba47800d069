package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.registration.entry.EntryChanged.Change;
import fr.pyramidesnoires.registration.payment.Payment;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runners another registration platform entered, brought in by the organiser, who vouches for them: that platform
 * took their health proof, so none is asked here, but everything else an entry must be is checked, and each gets a
 * place and goes to timing and results exactly as an entry taken here. All of them or none: the other platform told
 * every one of them they had a place.
 */
@ApplicationScoped
public class ImportedEntries {

    /** One runner of the file, with the bib it gives or null for the race's next free one. */
    public record ImportedRunner(int line, RegistrationRequest runner, Integer bib) {
    }

    /** Why a line of the file cannot be entered. */
    public record Fault(int line, String reason) {
    }

    final Registrations registrations;

    ImportedEntries(Registrations registrations) {
        this.registrations = registrations;
    }

    /**
     * Enters every runner into the locked race, or, when any of them may not be or faults were found in the file
     * before, writes nothing and adds every fault found to those.
     *
     * @param source the platform the runners come from, kept on each entry
     * @param faults what the file's reading found wrong, to which the entry's rules add theirs
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enter(Race race, List<ImportedRunner> runners, String source, List<Fault> faults) {
        Map<ImportedRunner, String> categories = new HashMap<>();
        for (ImportedRunner imported : runners) {
            try {
                Registrations.refuseSexWithoutDivision(imported.runner().sex(), race);
                LocalDate born = imported.runner().birthDate();
                registrations.category(born, race).ifPresentOrElse(category -> categories.put(imported, category),
                        () -> faults.add(new Fault(imported.line(), "une naissance le " + born
                                + " ne donne aucune catégorie / a birth date of " + born + " gives no category")));
            } catch (EntryRefused refused) {
                faults.add(new Fault(imported.line(), refused.getMessage()));
            }
        }
        refuseEntered(race, runners, faults);
        refuseHeldLicences(runners, faults);
        refuseHeldBibs(race, runners, faults);
        long places = Math.max(0, race.capacity - Entry.placesTaken(race.code));
        if (runners.size() > places) {
            // the other platform promised each of them a place: a waitlist would break that promise unseen
            faults.add(new Fault(runners.get((int) places).line(), runners.size() + " coureurs pour " + places
                    + " place(s) libre(s) au " + race.code + " : rien n'est inscrit, libérez des places ou augmentez"
                    + " la capacité / " + runners.size() + " runners for " + places + " free place(s) in " + race.code
                    + ": nobody is entered; free places or raise the capacity"));
        }
        List<ImportedRunner> unnumbered = runners.stream().filter(imported -> imported.bib() == null).toList();
        Set<Integer> given = new HashSet<>();
        runners.stream().map(ImportedRunner::bib).filter(bib -> bib != null).forEach(given::add);
        List<Integer> free = registrations.freeBibs(race, unnumbered.size() + given.size()).stream()
                .filter(bib -> !given.contains(bib)).limit(unnumbered.size()).toList();
        if (free.size() < unnumbered.size()) {
            faults.add(new Fault(unnumbered.get(free.size()).line(), "plus aucun dossard libre entre "
                    + race.bibFirst + " et " + race.bibLast + " / no bib left in " + race.bibFirst + "-"
                    + race.bibLast));
        }
        if (faults.isEmpty()) {
            write(race, runners, categories, free.iterator(), source);
        }
    }

    private void write(Race race, List<ImportedRunner> runners, Map<ImportedRunner, String> categories,
                       Iterator<Integer> free, String source) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < runners.size(); i++) {
            ImportedRunner imported = runners.get(i);
            Entry entry = new Entry();
            entry.id = UUID.randomUUID();
            entry.raceCode = race.code;
            // a microsecond apart, in the file's order, as a batch of registrations
            entry.createdAt = now.plus(i, ChronoUnit.MICROS);
            registrations.fill(entry, imported.runner(), categories.get(imported));
            entry.importedFrom = source;
            registrations.givePlace(entry, imported.bib() != null ? imported.bib() : free.next(),
                    Registrations.newChipId());
            registrations.tell(Change.ENTERED, entry, EntryConfirmation.of(entry, race, null, Payment.Totals.NONE));
        }
    }

    /** The same runner (names and birth date) or e-mail twice in the file, or already in the race. */
    private static void refuseEntered(Race race, List<ImportedRunner> runners, List<Fault> faults) {
        Set<Person> entered = Entry.entered(race.code,
                runners.stream().map(imported -> imported.runner().birthDate()).distinct().toList());
        Set<String> emails = new HashSet<>(Entry.<Entry>list("raceCode = ?1 and status <> ?2 and lower(email) in ?3",
                race.code, EntryStatus.CANCELLED, runners.stream().map(ImportedRunner::runner)
                        .map(ImportedEntries::email).toList())
                .stream().map(entry -> email(entry.email)).toList());
        Map<Object, Integer> inFile = new HashMap<>();
        for (ImportedRunner imported : runners) {
            RegistrationRequest runner = imported.runner();
            Person person = Person.of(runner);
            if (entered.contains(person)) {
                faults.add(new Fault(imported.line(), Registrations.alreadyEntered(runner.firstName(),
                        runner.lastName(), race).getMessage()));
            }
            if (emails.contains(email(runner.email()))) {
                faults.add(new Fault(imported.line(), "l'e-mail " + runner.email() + " est déjà celui d'une"
                        + " inscription au " + race.code + " / e-mail " + runner.email() + " is already entered in "
                        + race.code));
            }
            once(imported, person, runner.firstName() + " " + runner.lastName(), inFile, faults);
            once(imported, email(runner.email()), runner.email(), inFile, faults);
        }
    }

    /** A licence number an active entry of the event holds, or given twice in the file. */
    private static void refuseHeldLicences(List<ImportedRunner> runners, List<Fault> faults) {
        Set<ProofNumbers.Key> numbers = new HashSet<>();
        runners.forEach(imported -> numbers.addAll(ProofNumbers.of(Registrations.health(imported.runner()))));
        Set<ProofNumbers.Key> held = ProofNumbers.lockAndFindHeld(numbers, null);
        Map<Object, Integer> inFile = new HashMap<>();
        for (ImportedRunner imported : runners) {
            for (ProofNumbers.Key key : ProofNumbers.of(Registrations.health(imported.runner()))) {
                if (held.contains(key)) {
                    faults.add(new Fault(imported.line(), ProofNumbers.held(key).getMessage()));
                }
                once(imported, key, key.number(), inFile, faults);
            }
        }
    }

    /** A bib outside the race's range, held by an entry of the event, or given twice in the file. */
    private static void refuseHeldBibs(Race race, List<ImportedRunner> runners, List<Fault> faults) {
        List<Integer> bibs = runners.stream().map(ImportedRunner::bib).filter(bib -> bib != null).toList();
        Map<Integer, Entry> holders = new HashMap<>();
        if (!bibs.isEmpty()) {
            Entry.<Entry>list("bib in ?1", bibs).forEach(holder -> holders.put(holder.bib, holder));
        }
        Map<Object, Integer> inFile = new HashMap<>();
        for (ImportedRunner imported : runners) {
            Integer bib = imported.bib();
            if (bib == null) {
                continue;
            }
            if (bib < race.bibFirst || bib > race.bibLast) {
                faults.add(new Fault(imported.line(), "dossard " + bib + " hors de " + race.bibFirst + "-"
                        + race.bibLast + " / bib " + bib + " is not in " + race.bibFirst + "-" + race.bibLast));
            } else if (holders.containsKey(bib)) {
                Entry holder = holders.get(bib);
                faults.add(new Fault(imported.line(), "dossard " + bib + " : l'inscription " + holder.id + " ("
                        + holder.raceCode + ") l'a déjà / bib " + bib + ": held by entry " + holder.id + " ("
                        + holder.raceCode + ")"));
            }
            once(imported, "bib " + bib, "bib " + bib, inFile, faults);
        }
    }

    /** A runner, e-mail, licence or bib named on two lines of the file. */
    private static void once(ImportedRunner imported, Object key, String shown, Map<Object, Integer> seen,
                             List<Fault> faults) {
        Integer before = seen.putIfAbsent(key, imported.line());
        if (before != null) {
            faults.add(new Fault(imported.line(), shown + " : déjà à la ligne " + before + " / " + shown
                    + ": already on line " + before));
        }
    }

    private static String email(RegistrationRequest runner) {
        return email(runner.email());
    }

    private static String email(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

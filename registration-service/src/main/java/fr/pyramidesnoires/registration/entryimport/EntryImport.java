package fr.pyramidesnoires.registration.entryimport;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.registration.entry.EntryRefused;
import fr.pyramidesnoires.registration.entry.ImportedEntries;
import fr.pyramidesnoires.registration.entry.ImportedEntries.Fault;
import fr.pyramidesnoires.registration.entry.ImportedEntries.ImportedRunner;
import fr.pyramidesnoires.registration.entry.RegistrationRequest;
import fr.pyramidesnoires.registration.entryimport.ColumnMapping.Field;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Entries another registration platform took, from its CSV export, into one race: all of them or none, every line
 * checked first and the lines at fault answered together, as the organiser's bib list.
 */
@ApplicationScoped
public class EntryImport {

    final ImportedEntries entries;
    final Validator validator;

    EntryImport(ImportedEntries entries, Validator validator) {
        this.entries = entries;
        this.validator = validator;
    }

    /** @return how many runners were entered */
    @Transactional
    public int apply(String raceCode, String csv, ColumnMapping mapping) {
        Race race = Race.lockForEntry(raceCode);
        if (race == null) {
            throw new EntryRefused(404, "unknown-race", "Aucune course " + raceCode + " / There is no race "
                    + raceCode);
        }
        List<Fault> faults = new ArrayList<>();
        List<ImportedRunner> runners = read(race, csv, mapping, faults);
        if (!runners.isEmpty()) {
            entries.enter(race, runners, mapping.source(), faults);
        } else if (faults.isEmpty()) {
            faults.add(new Fault(1, "aucun coureur dans le fichier / no runner in the file"));
        }
        if (!faults.isEmpty()) {
            List<Problem.FieldError> errors = faults.stream().sorted(Comparator.comparingInt(Fault::line))
                    .map(fault -> new Problem.FieldError("ligne " + fault.line() + " / line " + fault.line(),
                            fault.reason()))
                    .toList();
            throw new ProblemException(new Problem(Problem.TYPES + "entry-import-refused",
                    "Import d'inscriptions refusé / Entry import refused", 422, errors.size() + " faute(s), personne"
                    + " n'est inscrit / " + errors.size() + " fault(s), nobody was entered", errors));
        }
        return runners.size();
    }

    private List<ImportedRunner> read(Race race, String csv, ColumnMapping mapping, List<Fault> faults) {
        List<ExportFile.Row> rows = ExportFile.rows(csv);
        if (rows.isEmpty()) {
            return List.of();
        }
        ExportFile.Row header = rows.get(0);
        Map<Field, Integer> positions = new EnumMap<>(Field.class);
        mapping.columns().forEach((field, name) -> {
            int position = position(header.cells(), name);
            if (position >= 0) {
                positions.put(field, position);
            } else if (ColumnMapping.REQUIRED.contains(field)) {
                faults.add(new Fault(header.line(), "aucune colonne '" + name + "' (" + field.apiName + ") / no column '"
                        + name + "' (" + field.apiName + ")"));
            }
        });
        if (!faults.isEmpty()) {
            return List.of();
        }
        List<ImportedRunner> runners = new ArrayList<>();
        for (ExportFile.Row row : rows.subList(1, rows.size())) {
            Line line = new Line(row, positions, mapping, faults);
            RegistrationRequest runner = new RegistrationRequest(line.text(Field.FIRST_NAME),
                    line.text(Field.LAST_NAME), line.value(Field.SEX, CellValues::sex),
                    line.value(Field.BIRTH_DATE, cell -> CellValues.date(cell, mapping.dates())), race.code,
                    line.value(Field.NATIONALITY, CellValues::nationality), line.text(Field.CLUB),
                    line.text(Field.EMAIL), line.value(Field.PUBLISH_NAME, CellValues::yesNo),
                    line.text(Field.LICENCE_NUMBER), null, null, null, line.text(Field.PHONE),
                    line.text(Field.EMERGENCY_CONTACT_NAME), line.text(Field.EMERGENCY_CONTACT_PHONE),
                    // the other platform's waiver, if it had one, is not this event's: none is recorded as accepted
                    null, null, null, null, null, null);
            Integer bib = line.value(Field.BIB, CellValues::bib);
            for (ConstraintViolation<RegistrationRequest> violation : validator.validate(runner)) {
                String property = violation.getPropertyPath().toString();
                if (Field.named(property).filter(line.unreadable::contains).isPresent()) {
                    continue;
                }
                String column = Field.named(property).map(field -> "'" + mapping.columns().get(field) + "' ("
                        + property + ")").orElse(property);
                line.fault(column, violation.getMessage());
            }
            if (!line.faulty) {
                runners.add(new ImportedRunner(row.line(), runner, bib));
            }
        }
        return runners;
    }

    /** The column of this header, in any case and around spaces; -1 when there is none. */
    private static int position(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** One record of the file, read cell by cell; each cell that cannot be read is a fault of the line. */
    private static final class Line {

        final ExportFile.Row row;
        final Map<Field, Integer> positions;
        final ColumnMapping mapping;
        final List<Fault> faults;
        /** The fields whose cell could not be read: already faults, not to be said missing as well. */
        final Set<Field> unreadable = EnumSet.noneOf(Field.class);
        boolean faulty;

        Line(ExportFile.Row row, Map<Field, Integer> positions, ColumnMapping mapping, List<Fault> faults) {
            this.row = row;
            this.positions = positions;
            this.mapping = mapping;
            this.faults = faults;
        }

        /** The cell's text, null when the column is not mapped or the cell is empty. */
        String text(Field field) {
            Integer position = positions.get(field);
            String cell = position == null || position >= row.cells().size() ? "" : row.cells().get(position).strip();
            return cell.isEmpty() ? null : cell;
        }

        <T> T value(Field field, Function<String, T> reading) {
            String cell = text(field);
            try {
                return cell == null ? null : reading.apply(cell);
            } catch (IllegalArgumentException e) {
                unreadable.add(field);
                fault("'" + mapping.columns().get(field) + "' (" + field.apiName + ")", e.getMessage());
                return null;
            }
        }

        void fault(String column, String why) {
            faulty = true;
            faults.add(new Fault(row.line(), column + " : " + why));
        }
    }
}

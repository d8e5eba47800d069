package fr.pyramidesnoires.timing.chip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Which runner wears which chip, as registration-service last said. */
@Entity
public class ChipAssignment extends PanacheEntityBase {

    // ingest reads thousands of runners a batch in plain JDBC: as detached rows, never tracked by Hibernate
    private static final String WEARING = "SELECT entryid, chip, racecode, bib FROM chipassignment WHERE chip = ANY(?)";
    private static final String OF_ENTRIES_OR_CHIPS = """
            SELECT entryid, chip, racecode, bib FROM chipassignment WHERE entryid = ANY(?) OR chip = ANY(?)""";

    @Id
    public String entryId;
    @Column(nullable = false, unique = true)
    public String chip;
    @Column(nullable = false)
    public String raceCode;
    public int bib;
    /** For the volunteer at a mat to see who passes; null when the runner hid it, or not yet known. */
    public String runnerName;

    public static List<ChipAssignment> wearing(Connection connection, Collection<String> chips) throws SQLException {
        return select(connection, WEARING, chips);
    }

    /** The runners of the given entries, and those wearing the given chips. */
    public static List<ChipAssignment> ofEntriesOrChips(Connection connection, Collection<String> entryIds,
                                                        Collection<String> chips) throws SQLException {
        return select(connection, OF_ENTRIES_OR_CHIPS, entryIds, chips);
    }

    @SafeVarargs
    private static List<ChipAssignment> select(Connection connection, String sql, Collection<String>... values)
            throws SQLException {
        List<ChipAssignment> runners = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setArray(i + 1, connection.createArrayOf("text", values[i].toArray()));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ChipAssignment runner = new ChipAssignment();
                    runner.entryId = rows.getString(1);
                    runner.chip = rows.getString(2);
                    runner.raceCode = rows.getString(3);
                    runner.bib = rows.getInt(4);
                    runners.add(runner);
                }
            }
        }
        return runners;
    }
}

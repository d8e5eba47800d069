package fr.pyramidesnoires.matagent;

import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.LineLayout;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a volunteer's laptop is told about its mat, from one small properties file or the environment (the
 * environment wins): which mat, which readers and how they speak, where the platform is and as whom.
 *
 * @param readers each reader of the mat: main and backup line
 */
public record AgentSettings(String matId, List<Reader> readers, LineLayout layout, URI platform, String device,
                            Path journal) {

    /** A reader of the mat: its id, and where the agent reaches it. */
    public record Reader(String id, InetSocketAddress address) {
    }

    /**
     * Reads the settings, naming the one missing or wrong.
     *
     * @param given MAT_ID, READERS ({@code R-MAIN=line:host:port,R-BACKUP=line:host:port}), LINE_LAYOUT
     *              ({@code chip,time,antenna}), LINE_SEPARATOR ({@code ,}), LINE_TIME (ISO, TIME_OF_DAY,
     *              EPOCH_MILLIS), CHIP_RULE (as-printed), EVENT_DATE, EVENT_ZONE (Europe/Paris), PLATFORM_URL,
     *              DEVICE_ACCOUNT (user:password), JOURNAL_DIR (journal)
     */
    public static AgentSettings of(Map<String, String> given) {
        String mat = required(given, "MAT_ID");
        List<Reader> readers = new ArrayList<>();
        for (String reader : required(given, "READERS").split(",")) {
            String[] idAndWhere = reader.strip().split("=", 2);
            String[] where = idAndWhere.length == 2 ? idAndWhere[1].split(":") : new String[0];
            if (where.length != 3 || !where[0].equals("line")) {
                throw new IllegalArgumentException("READERS: '" + reader + "' is not id=line:host:port");
            }
            readers.add(new Reader(idAndWhere[0], new InetSocketAddress(where[1], Integer.parseInt(where[2]))));
        }
        String eventDate = given.get("EVENT_DATE");
        LineLayout layout = new LineLayout(given.getOrDefault("LINE_LAYOUT", "chip,time,antenna"),
                given.getOrDefault("LINE_SEPARATOR", ","),
                LineLayout.TimeForm.valueOf(given.getOrDefault("LINE_TIME", "ISO").toUpperCase(Locale.ROOT)),
                eventDate == null || eventDate.isBlank() ? null : LocalDate.parse(eventDate),
                ZoneId.of(given.getOrDefault("EVENT_ZONE", "Europe/Paris")),
                ChipIdRule.of(given.getOrDefault("CHIP_RULE", "as-printed")));
        String device = required(given, "DEVICE_ACCOUNT");
        if (!device.contains(":")) {
            throw new IllegalArgumentException("DEVICE_ACCOUNT is user:password of the mat's device account");
        }
        return new AgentSettings(mat, List.copyOf(readers), layout, URI.create(required(given, "PLATFORM_URL")),
                device, Path.of(given.getOrDefault("JOURNAL_DIR", "journal")));
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing from the agent's settings");
        }
        return value.strip();
    }
}

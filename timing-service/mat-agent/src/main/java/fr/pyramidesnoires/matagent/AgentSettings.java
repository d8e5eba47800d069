package fr.pyramidesnoires.matagent;

import fr.pyramidesnoires.events.KafkaAccess;
import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.LineLayout;
import fr.pyramidesnoires.matagent.status.MatLight;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a volunteer's laptop is told about its mat, from one small properties file or the environment (the
 * environment wins): which mat, which readers and how they speak, where the platform is and as whom.
 *
 * @param readers     each reader of the mat: main and backup line
 * @param statusPage  where the volunteer's page listens: every address of the laptop, so a phone on its network
 *                    sees it
 * @param light       when runners are expected at the mat and what the volunteer's light tolerates
 * @param kafka       the broker the reads go to straight, on the race LAN; null: to the device gateway
 */
public record AgentSettings(String matId, List<Reader> readers, LineLayout layout, ChipIdRule chipIds,
                            LocalDate eventDate, ZoneId zone, URI platform, String device, Path journal,
                            InetSocketAddress statusPage, MatLight.Rules light, KafkaAccess kafka) {

    /** The families of readers the agent speaks. */
    public static final Set<String> PROTOCOLS = Set.of("line", "file", "llrp", "raceresult", "chronotrack");
    /** A reader's name travels with its reads and names its files: short and plain. */
    private static final Pattern READER_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    /**
     * A reader of the mat.
     *
     * @param protocol one of {@link #PROTOCOLS}
     * @param where    host:port of the reader; for chronotrack, the agent's own address its reader calls; for file,
     *                 the file's path
     */
    public record Reader(String id, String protocol, String where) {

        public InetSocketAddress address() {
            int colon = where.lastIndexOf(':');
            return new InetSocketAddress(where.substring(0, colon), Integer.parseInt(where.substring(colon + 1)));
        }
    }

    /**
     * Reads the settings, naming the one missing or wrong.
     *
     * @param given MAT_ID, READERS ({@code R-MAIN=llrp:host:5084,R-BACKUP=line:host:port}), LINE_LAYOUT
     *              ({@code chip,time,antenna}), LINE_SEPARATOR ({@code ,}), LINE_TIME (ISO, TIME_OF_DAY,
     *              EPOCH_MILLIS), CHIP_RULE (as-printed), EVENT_DATE, EVENT_ZONE (Europe/Paris), PLATFORM_URL,
     *              DEVICE_ACCOUNT (user:password), JOURNAL_DIR (journal), STATUS_PORT (8088), CLOCK_LIMIT (PT1S),
     *              SILENT_AFTER (PT10M), RUNNERS_EXPECTED (an ISO interval, e.g.
     *              {@code 2027-03-20T09:30+01:00/2027-03-20T18:00+01:00}; without it, from the mat's first read),
     *              KAFKA_BOOTSTRAP and KAFKA_CONFIG (a client properties file of an account that may write
     *              chip-reads): the reads go straight to Kafka; the start list and the reports still go over HTTP
     */
    public static AgentSettings of(Map<String, String> given) {
        String mat = required(given, "MAT_ID");
        List<Reader> readers = new ArrayList<>();
        for (String reader : required(given, "READERS").split(",")) {
            Reader next = reader(reader.strip());
            if (readers.stream().anyMatch(r -> r.id().equals(next.id()))) {
                throw new IllegalArgumentException("READERS: two readers named " + next.id()
                        + ": each keeps its own position beside the journal");
            }
            readers.add(next);
        }
        String eventDate = given.get("EVENT_DATE");
        LocalDate day = eventDate == null || eventDate.isBlank() ? null : LocalDate.parse(eventDate.strip());
        ZoneId zone = ZoneId.of(given.getOrDefault("EVENT_ZONE", "Europe/Paris"));
        ChipIdRule chipIds = ChipIdRule.of(given.getOrDefault("CHIP_RULE", "as-printed"));
        LineLayout layout = new LineLayout(given.getOrDefault("LINE_LAYOUT", "chip,time,antenna"),
                given.getOrDefault("LINE_SEPARATOR", ","),
                LineLayout.TimeForm.valueOf(given.getOrDefault("LINE_TIME", "ISO").toUpperCase(Locale.ROOT)),
                day, zone, chipIds);
        String device = required(given, "DEVICE_ACCOUNT");
        if (!device.contains(":")) {
            throw new IllegalArgumentException("DEVICE_ACCOUNT is user:password of the mat's device account");
        }
        return new AgentSettings(mat, List.copyOf(readers), layout, chipIds, day, zone,
                URI.create(required(given, "PLATFORM_URL")), device,
                Path.of(given.getOrDefault("JOURNAL_DIR", "journal")),
                new InetSocketAddress(Integer.parseInt(given.getOrDefault("STATUS_PORT", "8088"))),
                light(given), kafka(given));
    }

    private static KafkaAccess kafka(Map<String, String> given) {
        String bootstrap = given.get("KAFKA_BOOTSTRAP");
        if (bootstrap == null || bootstrap.isBlank()) {
            return null;
        }
        String config = given.get("KAFKA_CONFIG");
        return config == null || config.isBlank() ? KafkaAccess.anonymous(bootstrap.strip())
                : KafkaAccess.fromFile(bootstrap.strip(), Path.of(config.strip()));
    }

    private static MatLight.Rules light(Map<String, String> given) {
        String expected = given.get("RUNNERS_EXPECTED");
        Instant from = null;
        Instant until = null;
        if (expected != null && !expected.isBlank()) {
            String[] bounds = expected.strip().split("/");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("RUNNERS_EXPECTED is from/until, e.g. "
                        + "2027-03-20T09:30+01:00/2027-03-20T18:00+01:00");
            }
            from = OffsetDateTime.parse(bounds[0]).toInstant();
            until = OffsetDateTime.parse(bounds[1]).toInstant();
        }
        return new MatLight.Rules(from, until, Duration.parse(given.getOrDefault("SILENT_AFTER", "PT10M")),
                Duration.ofMinutes(2), Duration.parse(given.getOrDefault("CLOCK_LIMIT", "PT1S")));
    }

    private static Reader reader(String text) {
        String[] idAndWhere = text.split("=", 2);
        String[] protocolAndWhere = idAndWhere.length == 2 ? idAndWhere[1].split(":", 2) : new String[0];
        if (protocolAndWhere.length != 2 || !PROTOCOLS.contains(protocolAndWhere[0])) {
            throw new IllegalArgumentException("READERS: '" + text + "' is not id=protocol:host:port (protocol one of "
                    + String.join(", ", PROTOCOLS.stream().sorted().toList()) + ") or id=file:path");
        }
        Reader reader = new Reader(idAndWhere[0].strip(), protocolAndWhere[0], protocolAndWhere[1]);
        if (!READER_ID.matcher(reader.id()).matches()) {
            throw new IllegalArgumentException("READERS: '" + reader.id() + "' is no reader name: 1 to 40 letters,"
                    + " digits, '.', '_' or '-'");
        }
        if (!reader.protocol().equals("file")) {
            try {
                reader.address();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("READERS: '" + text + "' has no host:port", e);
            }
        }
        return reader;
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing from the agent's settings");
        }
        return value.strip();
    }
}

package fr.pyramidesnoires.simulator;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.field.ChronoTrackControllerEmulator;
import fr.pyramidesnoires.field.CuttableLink;
import fr.pyramidesnoires.field.EmulatedReader;
import fr.pyramidesnoires.field.LineReaderEmulator;
import fr.pyramidesnoires.field.LlrpReaderEmulator;
import fr.pyramidesnoires.field.RaceResultDecoderEmulator;
import fr.pyramidesnoires.matagent.AgentSettings;
import fr.pyramidesnoires.matagent.MatAgent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mats' reads through the terrils' real path: each mat has an emulated reader, of a family taken in turn, read
 * by its own mat agent (journal, forwarding, volunteer's page) that reaches the platform's device gateway over a
 * link of its own. The outage mat's link is cut for its outage: its reader reads on, its agent journals, and the
 * backlog goes once the link is back.
 */
public final class AgentOutlet implements Outlet {

    /** However fast the day is played, the cut lasts long enough for the agent to fail and back off. */
    private static final Duration SHORTEST_CUT = Duration.ofSeconds(3);
    private static final Duration FLUSH_WITHIN = Duration.ofMinutes(5);

    /** The reader families the mats are given in turn, as the agent's READERS names them. */
    private static final List<String> FAMILIES = List.of("line", "raceresult", "chronotrack", "llrp");
    private static final Duration CONTROLLER_STARTED_WITHIN = Duration.ofSeconds(30);

    private record Mat(EmulatedReader reader, CuttableLink link, MatAgent agent, String family) {
    }

    private final Map<String, Mat> mats = new LinkedHashMap<>();
    private final Map<String, Long> emitted = new HashMap<>();
    private final String outageMat;
    private final Instant outageFrom;
    private final Instant outageTo;
    private long cutAt;
    private long journaledBeforeCut;
    private long journaledDuringCut;
    private String cutReport = "";

    /**
     * @param timing        timing-service's address, e.g. http://127.0.0.1:8082 (on this machine)
     * @param device        user:password of a device account of every mat (scope *)
     * @param firstPagePort the first mat's volunteer page listens there, the next one above...; 0: any free port
     */
    public AgentOutlet(URI timing, String device, Simulation simulation, int firstPagePort)
            throws IOException, InterruptedException {
        this.outageMat = simulation.outageMat;
        this.outageFrom = simulation.outageFrom;
        this.outageTo = simulation.outageTo;
        Path journals = Files.createTempDirectory("mat-agents");
        String day = simulation.outageFrom.atZone(ZoneId.of("Europe/Paris")).toLocalDate().toString();
        List<String> matIds = simulation.mats();
        for (int i = 0; i < matIds.size(); i++) {
            String matId = matIds.get(i);
            String family = FAMILIES.get(i % FAMILIES.size());
            EmulatedReader reader = reader(family, matId);
            CuttableLink link = new CuttableLink(timing.getPort());
            Map<String, String> settings = new HashMap<>(Map.of(
                    "MAT_ID", matId,
                    "READERS", "R-" + matId + "=" + family + ":127.0.0.1:" + reader.port(),
                    "PLATFORM_URL", "http://127.0.0.1:" + link.port(),
                    "DEVICE_ACCOUNT", device,
                    "JOURNAL_DIR", journals.resolve(matId).toString(),
                    "STATUS_PORT", String.valueOf(firstPagePort == 0 ? 0 : firstPagePort + i),
                    "EVENT_DATE", day));
            if (family.equals("line")) {
                settings.put("LINE_LAYOUT", "chip,time,antenna,rssi");
            } else {
                // registration's chip ids are the tags' EPCs, which the emulated readers send as they are
                settings.put("CHIP_RULE", "as-printed");
            }
            MatAgent agent = MatAgent.start(AgentSettings.of(settings), Clock.systemUTC());
            if (reader instanceof ChronoTrackControllerEmulator controller) {
                // the controller calls its agent before the day begins, as a real one does once the laptop is up
                controller.keepCalling();
                controller.awaitStarted(CONTROLLER_STARTED_WITHIN);
            }
            mats.put(matId, new Mat(reader, link, agent, family));
        }
    }

    /** A reader of the family; a ChronoTrack controller calls its agent, which listens on a port free now. */
    private static EmulatedReader reader(String family, String matId) throws IOException {
        return switch (family) {
            case "line" -> new LineReaderEmulator();
            case "raceresult" -> new RaceResultDecoderEmulator();
            case "chronotrack" -> new ChronoTrackControllerEmulator(freePort(), List.of(matId));
            case "llrp" -> LlrpReaderEmulator.reading();
            default -> throw new IllegalArgumentException("No emulated reader of family " + family);
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Each mat's volunteer page, for the demo to print. */
    Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        mats.forEach((id, mat) -> pages.put(id, mat.family() + " reader, http://127.0.0.1:" + mat.agent().statusPort()
                + "/"));
        return pages;
    }

    @Override
    public List<Mats.Emission> schedule(Simulation simulation) {
        return simulation.asMade();
    }

    @Override
    public void send(ChipRead read) {
        mats.get(read.matId()).reader().emit(read);
        emitted.merge(read.matId(), 1L, Long::sum);
    }

    @Override
    public void raceClock(Instant now) throws InterruptedException {
        Mat cut = mats.get(outageMat);
        if (cut == null) {
            return;
        }
        if (cutAt == 0 && !now.isBefore(outageFrom) && now.isBefore(outageTo)) {
            // what was read before the cut is delivered before it: the backlog is the outage's alone
            settle(outageMat, cut);
            journaledBeforeCut = cut.agent().journal().last();
            cut.link().cut();
            cutAt = System.nanoTime();
        } else if (cut.link().isCut() && !now.isBefore(outageTo)) {
            long cutFor = System.nanoTime() - cutAt;
            if (cutFor < SHORTEST_CUT.toNanos()) {
                Thread.sleep((SHORTEST_CUT.toNanos() - cutFor) / 1_000_000);
            }
            long backlog = cut.agent().journal().waiting();
            String failure = cut.agent().forwarder().delivery().lastFailure();
            journaledDuringCut = cut.agent().journal().last() - journaledBeforeCut;
            cut.link().restore();
            cutReport = String.format("; mat %s's agent lost its network for the outage: %d reads journaled meanwhile,"
                    + " %d waiting at the restore (last failure: %s)", outageMat, journaledDuringCut, backlog, failure);
        }
    }

    @Override
    public void flush() throws InterruptedException {
        for (Map.Entry<String, Mat> mat : mats.entrySet()) {
            if (!mat.getValue().link().isCut()) {
                settle(mat.getKey(), mat.getValue());
            }
        }
    }

    /** Until the mat's agent has journaled every read its reader made and the platform acknowledged them. */
    private void settle(String matId, Mat mat) throws InterruptedException {
        long made = emitted.getOrDefault(matId, 0L);
        Instant deadline = Instant.now().plus(FLUSH_WITHIN);
        while (mat.agent().journal().last() < made || mat.agent().journal().waiting() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Mat " + matId + "'s agent has journaled " + mat.agent().journal().last()
                        + " of " + made + " reads, " + mat.agent().journal().waiting() + " not yet delivered: "
                        + mat.agent().readerStates() + " " + mat.agent().forwarder().delivery());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public String summary() {
        return cutReport;
    }

    /** How many reads the cut mat's agent journaled while its network was down; 0 before the cut ended. */
    public long journaledDuringCut() {
        return journaledDuringCut;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            flush();
        } finally {
            for (Mat mat : mats.values()) {
                mat.agent().close();
                mat.reader().close();
                try {
                    mat.link().close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}

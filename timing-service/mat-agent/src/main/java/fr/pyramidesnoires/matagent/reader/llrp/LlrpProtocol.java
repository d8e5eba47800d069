package fr.pyramidesnoires.matagent.reader.llrp;

import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.ADD_ROSPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.ADD_ROSPEC_RESPONSE;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.CLOSE_CONNECTION;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.CLOSE_CONNECTION_RESPONSE;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.DELETE_ROSPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.DELETE_ROSPEC_RESPONSE;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.ENABLE_ROSPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.ENABLE_ROSPEC_RESPONSE;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.ERROR_MESSAGE;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.GET_READER_CAPABILITIES;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.GET_READER_CAPABILITIES_RESPONSE;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.KEEPALIVE;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.KEEPALIVE_ACK;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.READER_EVENT_NOTIFICATION;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.RO_ACCESS_REPORT;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.SET_READER_CONFIG;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.SET_READER_CONFIG_RESPONSE;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.START_ROSPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.LlrpMessage.START_ROSPEC_RESPONSE;

import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.ReaderProtocol;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * A RAIN RFID reader speaking LLRP 1.0.1 (Impinj, Zebra and most others), on its port 5084: the agent sets it to
 * inventory on every antenna for as long as the connection lasts and journals each tag report, one journal append
 * per report. The reader's keepalive tells a quiet mat from a dead link: after three missed, the agent connects
 * again, which sets the reader up anew.
 */
public final class LlrpProtocol implements ReaderProtocol {

    /** The port LLRP readers listen on. */
    public static final int PORT = 5084;
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(LlrpProtocol.class.getName());
    private static final int MISSED_KEEPALIVES = 3;
    /** A reader says hello at once; one that does not is talked to all the same. */
    private static final long GREETING_WAIT_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long ANSWER_WAIT_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long GOODBYE_WAIT_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int CONNECTION_ATTEMPT_SUCCESS = 0;
    private static final int ANOTHER_CONNECTION_ATTEMPTED = 4;
    private static final int ANTENNA_DISCONNECTED = 0;

    private final TagReports tagReports;
    private final Duration keepalive;
    private volatile String readerNoted;

    /** @param chipIdRule how the EPC, in hexadecimal, becomes the chip id printed on the chip */
    public LlrpProtocol(ChipIdRule chipIdRule) {
        this(chipIdRule, DEFAULT_KEEPALIVE);
    }

    /** @param keepalive how often the reader is asked to show it is alive */
    public LlrpProtocol(ChipIdRule chipIdRule, Duration keepalive) {
        if (keepalive.toMillis() < 1) {
            throw new IllegalArgumentException("LLRP keepalive of " + keepalive + ": a period of a millisecond at least");
        }
        this.tagReports = new TagReports(chipIdRule);
        this.keepalive = keepalive;
    }

    @Override
    public void converse(Socket socket, ReaderTap tap, BooleanSupplier stop) throws IOException {
        new Conversation(socket, tap).hold(stop);
    }

    /** Every answer starts with the reader's verdict on the request. */
    private static Parameter statusOf(LlrpMessage message) throws IOException {
        Parameter.Cursor parameters = message.parameters();
        Parameter first = parameters.hasNext() ? parameters.next() : null;
        if (first == null || first.type() != Parameter.LLRP_STATUS) {
            throw new LlrpFormatException("LLRP answer of type " + message.type() + " without its LLRPStatus");
        }
        return first;
    }

    /** One connection's talk: setting the reader up, then hearing it until one side ends. */
    private final class Conversation {

        private final MessageStream in;
        private final OutputStream out;
        private final ReaderTap tap;
        private long nextId = 1;
        private long lastHeard = System.nanoTime();
        private boolean greeted;
        private boolean ended;

        Conversation(Socket socket, ReaderTap tap) throws IOException {
            this.in = new MessageStream(socket.getInputStream());
            this.out = socket.getOutputStream();
            this.tap = tap;
        }

        void hold(BooleanSupplier stop) throws IOException {
            awaitGreeting();
            noteCapabilities(ask(GET_READER_CAPABILITIES, ReaderRequests.getReaderCapabilities(),
                    GET_READER_CAPABILITIES_RESPONSE, "GET_READER_CAPABILITIES"));
            ask(SET_READER_CONFIG, ReaderRequests.setReaderConfig(keepalive), SET_READER_CONFIG_RESPONSE,
                    "SET_READER_CONFIG");
            // what an earlier agent, or another program, left on the reader would report in its own way
            ask(DELETE_ROSPEC, ReaderRequests.roSpecId(ReaderRequests.EVERY_RO_SPEC), DELETE_ROSPEC_RESPONSE,
                    "DELETE_ROSPEC");
            ask(ADD_ROSPEC, ReaderRequests.addRoSpec(), ADD_ROSPEC_RESPONSE, "ADD_ROSPEC");
            ask(ENABLE_ROSPEC, ReaderRequests.roSpecId(ReaderRequests.RO_SPEC_ID), ENABLE_ROSPEC_RESPONSE,
                    "ENABLE_ROSPEC");
            ask(START_ROSPEC, ReaderRequests.roSpecId(ReaderRequests.RO_SPEC_ID), START_ROSPEC_RESPONSE,
                    "START_ROSPEC");
            long silence = keepalive.toNanos() * MISSED_KEEPALIVES;
            while (!ended && !stop.getAsBoolean()) {
                LlrpMessage message = next();
                if (message != null) {
                    hear(message);
                } else if (!ended && System.nanoTime() - lastHeard > silence) {
                    String seconds = String.format(Locale.ROOT, "%.1f s", silence / 1e9);
                    throw new IOException("lecteur muet depuis " + seconds + " / reader silent for " + seconds);
                }
            }
            if (!ended) {
                sayGoodbye();
            }
        }

        private void awaitGreeting() throws IOException {
            long since = System.nanoTime();
            while (!greeted && System.nanoTime() - since < GREETING_WAIT_NANOS) {
                LlrpMessage message = next();
                if (ended) {
                    throw new EOFException("le lecteur a fermé la connexion d'emblée / the reader closed the"
                            + " connection at once");
                }
                if (message != null) {
                    hear(message);
                    if (message.type() != READER_EVENT_NOTIFICATION) {
                        return;
                    }
                }
            }
        }

        /** Sends a request and hears the reader until its answer, taking the reads that come meanwhile. */
        private LlrpMessage ask(int type, byte[] body, int answerType, String name) throws IOException {
            long id = nextId++;
            send(type, id, body);
            long since = System.nanoTime();
            while (true) {
                LlrpMessage message = next();
                if (ended) {
                    throw new EOFException("le lecteur a fermé la connexion au lieu de répondre à " + name
                            + " / the reader closed the connection instead of answering " + name);
                }
                if (message == null) {
                    if (System.nanoTime() - since > ANSWER_WAIT_NANOS) {
                        throw new IOException("pas de réponse du lecteur à " + name + " / no answer to " + name);
                    }
                } else if (message.id() == id && (message.type() == answerType || message.type() == ERROR_MESSAGE)) {
                    checkStatus(message, name);
                    return message;
                } else {
                    hear(message);
                }
            }
        }

        /** @return the next message; null when none came within the socket's timeout or the reader left */
        private LlrpMessage next() throws IOException {
            try {
                LlrpMessage message = in.next();
                if (message == null) {
                    ended = true;
                } else {
                    lastHeard = System.nanoTime();
                }
                return message;
            } catch (SocketTimeoutException quiet) {
                return null;
            }
        }

        private void hear(LlrpMessage message) throws IOException {
            switch (message.type()) {
                case RO_ACCESS_REPORT -> tap.take(tagReports.heard(message, tap));
                case KEEPALIVE -> send(KEEPALIVE_ACK, message.id(), new byte[0]);
                case READER_EVENT_NOTIFICATION -> hearEvent(message);
                case ERROR_MESSAGE -> tap.event("erreur du lecteur / reader error: " + status(message));
                default -> LOG.fine(() -> "Reader " + tap.readerId() + ": LLRP message of type " + message.type()
                        + " ignored");
            }
        }

        private void hearEvent(LlrpMessage message) throws IOException {
            for (Parameter data : message.parameters().all()) {
                if (data.type() != Parameter.READER_EVENT_NOTIFICATION_DATA) {
                    continue;
                }
                for (Parameter event : data.children(0)) {
                    switch (event.type()) {
                        case Parameter.UTC_TIMESTAMP -> tap.readerClock(TagReports.utc(event.u64(0)).toInstant());
                        case Parameter.CONNECTION_ATTEMPT_EVENT -> hearConnectionAttempt(event.u16(0));
                        case Parameter.CONNECTION_CLOSE_EVENT -> ended = true;
                        case Parameter.ANTENNA_EVENT -> {
                            int antenna = event.u16(1);
                            tap.event(event.u8(0) == ANTENNA_DISCONNECTED
                                    ? "antenne " + antenna + " perdue / antenna " + antenna + " lost"
                                    : "antenne " + antenna + " retrouvée / antenna " + antenna + " back");
                        }
                        case Parameter.READER_EXCEPTION_EVENT -> tap.event("incident du lecteur / reader exception: "
                                + event.utf8(0));
                        case Parameter.REPORT_BUFFER_LEVEL_WARNING_EVENT -> tap.event("mémoire du lecteur pleine à "
                                + event.u8(0) + " % / reader's report buffer " + event.u8(0) + " % full");
                        case Parameter.REPORT_BUFFER_OVERFLOW_ERROR_EVENT -> tap.event("mémoire du lecteur"
                                + " débordée, lectures perdues / reader's report buffer overflowed, reads lost");
                        default -> {
                            // ROSpec, AISpec, hopping, GPI events: nothing a volunteer acts on
                        }
                    }
                }
            }
        }

        private void hearConnectionAttempt(int status) throws IOException {
            if (status == CONNECTION_ATTEMPT_SUCCESS) {
                greeted = true;
            } else if (status == ANOTHER_CONNECTION_ATTEMPTED) {
                tap.event("un autre logiciel a tenté de se connecter au lecteur / another client tried to connect"
                        + " to the reader");
            } else {
                throw new IOException("le lecteur refuse la connexion, un autre logiciel y est peut-être connecté"
                        + " / the reader refuses the connection, another client may hold it (status " + status + ")");
            }
        }

        private void noteCapabilities(LlrpMessage answer) throws IOException {
            for (Parameter capabilities : answer.parameters().all()) {
                if (capabilities.type() == Parameter.GENERAL_DEVICE_CAPABILITIES) {
                    int antennas = capabilities.u16(0);
                    String firmware = capabilities.utf8(12);
                    String model = capabilities.u32(4) + "/" + capabilities.u32(8);
                    String reader = "lecteur LLRP (fabricant/modèle " + model + "), " + antennas + " antennes, version "
                            + firmware + " / LLRP reader (manufacturer/model " + model + "), " + antennas
                            + " antennas, firmware " + firmware;
                    // told once, and again only when another reader was plugged in: reconnections must not push
                    // an antenna lost out of the volunteer's last events
                    if (!reader.equals(readerNoted)) {
                        readerNoted = reader;
                        tap.event(reader);
                    }
                }
            }
        }

        private void checkStatus(LlrpMessage answer, String name) throws IOException {
            Parameter status = statusOf(answer);
            if (status.u16(0) != 0) {
                throw new IOException("le lecteur refuse " + name + " / the reader refuses " + name + ": "
                        + status.utf8(2) + " (" + status.u16(0) + ")");
            }
        }

        private String status(LlrpMessage message) throws IOException {
            Parameter status = statusOf(message);
            return status.utf8(2) + " (" + status.u16(0) + ")";
        }

        /** Best effort: the reader ends its inventory and frees the connection for the next agent at once. */
        private void sayGoodbye() {
            try {
                send(CLOSE_CONNECTION, nextId++, new byte[0]);
                long since = System.nanoTime();
                while (!ended && System.nanoTime() - since < GOODBYE_WAIT_NANOS) {
                    LlrpMessage message = next();
                    if (message != null && message.type() == CLOSE_CONNECTION_RESPONSE) {
                        return;
                    }
                    if (message != null) {
                        hear(message);
                    }
                }
            } catch (IOException e) {
                LOG.fine(() -> "Reader " + tap.readerId() + ": no goodbye: " + e);
            }
        }

        private void send(int type, long id, byte[] body) throws IOException {
            out.write(LlrpMessage.encode(type, id, body));
            out.flush();
        }
    }
}

package fr.pyramidesnoires.field;

import fr.pyramidesnoires.events.ChipRead;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.log4j.varia.NullAppender;
import org.llrp.ltk.exceptions.InvalidLLRPMessageException;
import org.llrp.ltk.generated.LLRPMessageFactory;
import org.llrp.ltk.generated.enumerations.AirProtocols;
import org.llrp.ltk.generated.enumerations.AirProtocolsArray;
import org.llrp.ltk.generated.enumerations.AntennaEventType;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.llrp.ltk.generated.enumerations.KeepaliveTriggerType;
import org.llrp.ltk.generated.enumerations.NotificationEventType;
import org.llrp.ltk.generated.enumerations.ROReportTriggerType;
import org.llrp.ltk.generated.enumerations.ROSpecStartTriggerType;
import org.llrp.ltk.generated.enumerations.StatusCode;
import org.llrp.ltk.generated.messages.ADD_ROSPEC;
import org.llrp.ltk.generated.messages.ADD_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.CLOSE_CONNECTION;
import org.llrp.ltk.generated.messages.CLOSE_CONNECTION_RESPONSE;
import org.llrp.ltk.generated.messages.DELETE_ROSPEC;
import org.llrp.ltk.generated.messages.DELETE_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.ENABLE_ROSPEC;
import org.llrp.ltk.generated.messages.ENABLE_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.GET_READER_CAPABILITIES;
import org.llrp.ltk.generated.messages.GET_READER_CAPABILITIES_RESPONSE;
import org.llrp.ltk.generated.messages.KEEPALIVE;
import org.llrp.ltk.generated.messages.KEEPALIVE_ACK;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.messages.RO_ACCESS_REPORT;
import org.llrp.ltk.generated.messages.SET_READER_CONFIG;
import org.llrp.ltk.generated.messages.SET_READER_CONFIG_RESPONSE;
import org.llrp.ltk.generated.messages.START_ROSPEC;
import org.llrp.ltk.generated.messages.START_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.parameters.AISpec;
import org.llrp.ltk.generated.parameters.AntennaEvent;
import org.llrp.ltk.generated.parameters.AntennaID;
import org.llrp.ltk.generated.parameters.ConnectionAttemptEvent;
import org.llrp.ltk.generated.parameters.EPCData;
import org.llrp.ltk.generated.parameters.EPC_96;
import org.llrp.ltk.generated.parameters.FirstSeenTimestampUTC;
import org.llrp.ltk.generated.parameters.GPIOCapabilities;
import org.llrp.ltk.generated.parameters.GeneralDeviceCapabilities;
import org.llrp.ltk.generated.parameters.LLRPStatus;
import org.llrp.ltk.generated.parameters.PeakRSSI;
import org.llrp.ltk.generated.parameters.PerAntennaAirProtocol;
import org.llrp.ltk.generated.parameters.ROReportSpec;
import org.llrp.ltk.generated.parameters.ROSpec;
import org.llrp.ltk.generated.parameters.ReaderEventNotificationData;
import org.llrp.ltk.generated.parameters.ReceiveSensitivityTableEntry;
import org.llrp.ltk.generated.parameters.TagReportContentSelector;
import org.llrp.ltk.generated.parameters.TagReportData;
import org.llrp.ltk.generated.parameters.UTCTimestamp;
import org.llrp.ltk.types.Bit;
import org.llrp.ltk.types.BitArray_HEX;
import org.llrp.ltk.types.BitList;
import org.llrp.ltk.types.Integer96_HEX;
import org.llrp.ltk.types.LLRPMessage;
import org.llrp.ltk.types.SignedByte;
import org.llrp.ltk.types.SignedShort;
import org.llrp.ltk.types.UTF8String_UTF_8;
import org.llrp.ltk.types.UnsignedInteger;
import org.llrp.ltk.types.UnsignedLong_DATETIME;
import org.llrp.ltk.types.UnsignedShort;

/**
 * An LLRP reader on loopback, its messages made and read by the LLRP Toolkit rather than by the agent's own
 * encoding, so that both cannot share one misreading of the specification. A test plays each connection by hand
 * ({@link #accept()}); {@link #reading()} is a reader left running, which sets up whichever agent connects and
 * reports each read made to it, keeping those made while no agent is connected.
 */
public final class LlrpReaderEmulator implements EmulatedReader {

    public static final long MANUFACTURER = 25882;
    public static final long MODEL = 2001002;

    static {
        // the toolkit logs through log4j, which complains on every run when given nowhere to write
        org.apache.log4j.Logger.getRootLogger().addAppender(new NullAppender());
    }

    private final ServerSocket server;
    private final BlockingDeque<ChipRead> memory = new LinkedBlockingDeque<>();
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean closed;
    private long nextId = 1000;

    /** A reader whose connections a test plays by hand. */
    public LlrpReaderEmulator() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        server.setSoTimeout(15_000);
    }

    /** A reader left running: it sets up each agent that connects, then reports to it every read made. */
    public static LlrpReaderEmulator reading() throws IOException {
        LlrpReaderEmulator reader = new LlrpReaderEmulator();
        Thread serving = new Thread(reader::serve, "llrp-reader-" + reader.port());
        serving.setDaemon(true);
        serving.start();
        return reader;
    }

    /** The EPC reported is the chip id, which must therefore be hexadecimal, as registration's chip ids are. */
    @Override
    public void emit(ChipRead read) {
        pending.incrementAndGet();
        memory.add(read);
    }

    @Override
    public long pending() {
        return pending.get();
    }

    /** A read as this reader reports it: its EPC, antenna, peak RSSI and first-seen time in microseconds. */
    public static TagReportData tag(ChipRead read) {
        Instant at = read.readTime().toInstant();
        long micros = TimeUnit.SECONDS.toMicros(at.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(at.getNano());
        return tag(read.chipId(), false, read.antenna(), read.rssi(), micros);
    }

    private void serve() {
        while (!closed) {
            try (Connection agent = accept()) {
                agent.reportReads(agent.setUp());
            } catch (SocketTimeoutException noAgentYet) {
                // waited on
            } catch (IOException | AssertionError dropped) {
                // the agent went, or asked what a reader would refuse: the next connection is set up anew
            }
        }
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    /** Waits for the agent to connect. */
    public Connection accept() throws IOException {
        Socket socket = server.accept();
        socket.setSoTimeout(15_000);
        return new Connection(socket);
    }


    /** A tag report as a reader makes it: the EPC as EPCData, or as the shorter EPC-96 TV. */
    public static TagReportData tag(String epc, boolean epc96, Integer antenna, Integer rssi, Long firstSeenMicros) {
        TagReportData tag = new TagReportData();
        if (epc96) {
            EPC_96 code = new EPC_96();
            code.setEPC(new Integer96_HEX(epc));
            tag.setEPCParameter(code);
        } else {
            EPCData code = new EPCData();
            code.setEPC(new BitArray_HEX(epc));
            tag.setEPCParameter(code);
        }
        if (antenna != null) {
            AntennaID antennaId = new AntennaID();
            antennaId.setAntennaID(new UnsignedShort(antenna));
            tag.setAntennaID(antennaId);
        }
        if (rssi != null) {
            PeakRSSI peak = new PeakRSSI();
            peak.setPeakRSSI(new SignedByte(rssi));
            tag.setPeakRSSI(peak);
        }
        if (firstSeenMicros != null) {
            FirstSeenTimestampUTC firstSeen = new FirstSeenTimestampUTC();
            firstSeen.setMicroseconds(new UnsignedLong_DATETIME(firstSeenMicros));
            tag.setFirstSeenTimestampUTC(firstSeen);
        }
        return tag;
    }

    public static RO_ACCESS_REPORT report(TagReportData... tags) {
        RO_ACCESS_REPORT report = new RO_ACCESS_REPORT();
        report.setTagReportDataList(List.of(tags));
        return report;
    }

    public static READER_EVENT_NOTIFICATION antennaEvent(int antenna, int eventType) {
        AntennaEvent event = new AntennaEvent();
        event.setEventType(new AntennaEventType(eventType));
        event.setAntennaID(new UnsignedShort(antenna));
        ReaderEventNotificationData data = eventData();
        data.setAntennaEvent(event);
        return notification(data);
    }

    private static ReaderEventNotificationData eventData() {
        UTCTimestamp now = new UTCTimestamp();
        now.setMicroseconds(new UnsignedLong_DATETIME(TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis())));
        ReaderEventNotificationData data = new ReaderEventNotificationData();
        data.setTimestamp(now);
        return data;
    }

    private static READER_EVENT_NOTIFICATION notification(ReaderEventNotificationData data) {
        READER_EVENT_NOTIFICATION notification = new READER_EVENT_NOTIFICATION();
        notification.setReaderEventNotificationData(data);
        return notification;
    }

    public static LLRPStatus status(int code, String description) {
        LLRPStatus status = new LLRPStatus();
        status.setStatusCode(new StatusCode(code));
        status.setErrorDescription(new UTF8String_UTF_8(description));
        return status;
    }

    /** One connection of the agent's, as the reader holds it. */
    public final class Connection implements Closeable {

        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        public void send(LLRPMessage message) throws IOException {
            sendBytes(encode(message));
        }

        public synchronized void sendBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        public synchronized byte[] encode(LLRPMessage message) throws IOException {
            if (message.getMessageID() == null) {
                message.setMessageID(new UnsignedInteger(nextId++));
            }
            message.setVersion(new BitList(0, 0, 1));
            try {
                return message.encodeBinary();
            } catch (InvalidLLRPMessageException e) {
                throw new IOException(e);
            }
        }

        /** The agent's next message, decoded by the toolkit. */
        public LLRPMessage receive() throws IOException {
            byte[] header = new byte[10];
            in.readFully(header);
            int length = ByteBuffer.wrap(header, 2, 4).getInt();
            byte[] message = new byte[length];
            System.arraycopy(header, 0, message, 0, header.length);
            in.readFully(message, header.length, length - header.length);
            try {
                return LLRPMessageFactory.createLLRPMessage(message);
            } catch (InvalidLLRPMessageException e) {
                throw new IOException(e);
            }
        }

        /** The agent's next message, which must be of this type. */
        public <T extends LLRPMessage> T expect(Class<T> type) throws IOException {
            return instance(type, receive());
        }

        /** Whether the agent closed the connection, waiting for it at most the socket's timeout. */
        public boolean closedByAgent() throws IOException {
            try {
                receive();
                return false;
            } catch (EOFException e) {
                return true;
            }
        }

        public void greet() throws IOException {
            ConnectionAttemptEvent attempt = new ConnectionAttemptEvent();
            attempt.setStatus(new ConnectionAttemptStatusType(ConnectionAttemptStatusType.Success));
            ReaderEventNotificationData data = eventData();
            data.setConnectionAttemptEvent(attempt);
            send(notification(data));
        }

        /**
         * Greets the agent and answers its set-up, checking each request: that it keeps the reader alive, hears
         * its antennas and asks each tag's EPC, antenna, peak RSSI and first-seen time.
         */
        public long setUp() throws IOException {
            greet();
            GET_READER_CAPABILITIES capabilities = expect(GET_READER_CAPABILITIES.class);
            send(capabilities(capabilities));

            SET_READER_CONFIG config = expect(SET_READER_CONFIG.class);
            equal(KeepaliveTriggerType.Periodic, config.getKeepaliveSpec().getKeepaliveTriggerType().intValue(),
                    "periodic keepalives");
            long keepaliveMillis = config.getKeepaliveSpec().getPeriodicTriggerValue().toLong();
            check(keepaliveMillis > 0, "a keepalive period");
            check(config.getReaderEventNotificationSpec().getEventNotificationStateList().stream()
                    .anyMatch(s -> s.getEventType().intValue() == NotificationEventType.Antenna_Event
                            && s.getNotificationState().toBoolean()), "antenna events asked for");
            SET_READER_CONFIG_RESPONSE configured = new SET_READER_CONFIG_RESPONSE();
            configured.setLLRPStatus(status(StatusCode.M_Success, ""));
            answer(config, configured);

            DELETE_ROSPEC delete = expect(DELETE_ROSPEC.class);
            equal(0L, delete.getROSpecID().toLong(), "every ROSpec deleted");
            DELETE_ROSPEC_RESPONSE deleted = new DELETE_ROSPEC_RESPONSE();
            deleted.setLLRPStatus(status(StatusCode.M_Success, ""));
            answer(delete, deleted);

            long roSpecId = addRoSpec(StatusCode.M_Success, "");

            ENABLE_ROSPEC enable = expect(ENABLE_ROSPEC.class);
            equal(roSpecId, enable.getROSpecID().toLong(), "ROSpec enabled");
            ENABLE_ROSPEC_RESPONSE enabled = new ENABLE_ROSPEC_RESPONSE();
            enabled.setLLRPStatus(status(StatusCode.M_Success, ""));
            answer(enable, enabled);

            START_ROSPEC start = expect(START_ROSPEC.class);
            equal(roSpecId, start.getROSpecID().toLong(), "ROSpec started");
            START_ROSPEC_RESPONSE started = new START_ROSPEC_RESPONSE();
            started.setLLRPStatus(status(StatusCode.M_Success, ""));
            answer(start, started);
            return keepaliveMillis;
        }

        /** Answers the capabilities and the config as a reader does, up to ADD_ROSPEC, which it refuses. */
        public void setUpRefusingRoSpec(String why) throws IOException {
            greet();
            send(capabilities(expect(GET_READER_CAPABILITIES.class)));
            SET_READER_CONFIG config = expect(SET_READER_CONFIG.class);
            SET_READER_CONFIG_RESPONSE configured = new SET_READER_CONFIG_RESPONSE();
            configured.setLLRPStatus(status(StatusCode.M_Success, ""));
            answer(config, configured);
            DELETE_ROSPEC delete = expect(DELETE_ROSPEC.class);
            DELETE_ROSPEC_RESPONSE deleted = new DELETE_ROSPEC_RESPONSE();
            deleted.setLLRPStatus(status(StatusCode.M_Success, ""));
            answer(delete, deleted);
            addRoSpec(StatusCode.M_ParameterError, why);
        }

        private long addRoSpec(int statusCode, String why) throws IOException {
            ADD_ROSPEC add = expect(ADD_ROSPEC.class);
            ROSpec spec = add.getROSpec();
            equal(ROSpecStartTriggerType.Null,
                    spec.getROBoundarySpec().getROSpecStartTrigger().getROSpecStartTriggerType().intValue(),
                    "started by START_ROSPEC");
            AISpec inventory = instance(AISpec.class, spec.getSpecParameterList().get(0));
            equal(0, inventory.getAntennaIDs().get(0).intValue(), "every antenna");
            equal(AirProtocols.EPCGlobalClass1Gen2,
                    inventory.getInventoryParameterSpecList().get(0).getProtocolID().intValue(), "Gen2 tags");
            ROReportSpec report = spec.getROReportSpec();
            equal(ROReportTriggerType.Upon_N_Tags_Or_End_Of_AISpec, report.getROReportTrigger().intValue(),
                    "reported upon N tags");
            equal(1, report.getN().intValue(), "each tag reported at once");
            TagReportContentSelector selector = report.getTagReportContentSelector();
            check(selector.getEnableAntennaID().toBoolean(), "antenna asked for");
            check(selector.getEnablePeakRSSI().toBoolean(), "peak RSSI asked for");
            check(selector.getEnableFirstSeenTimestamp().toBoolean(), "first-seen time asked for");
            ADD_ROSPEC_RESPONSE added = new ADD_ROSPEC_RESPONSE();
            added.setLLRPStatus(status(statusCode, why));
            answer(add, added);
            return spec.getROSpecID().toLong();
        }

        private GET_READER_CAPABILITIES_RESPONSE capabilities(GET_READER_CAPABILITIES request) {
            GeneralDeviceCapabilities general = new GeneralDeviceCapabilities();
            general.setMaxNumberOfAntennaSupported(new UnsignedShort(4));
            general.setCanSetAntennaProperties(new Bit(false));
            general.setHasUTCClockCapability(new Bit(true));
            general.setDeviceManufacturerName(new UnsignedInteger(MANUFACTURER));
            general.setModelName(new UnsignedInteger(MODEL));
            general.setReaderFirmwareVersion(new UTF8String_UTF_8("5.12.3"));
            ReceiveSensitivityTableEntry sensitivity = new ReceiveSensitivityTableEntry();
            sensitivity.setIndex(new UnsignedShort(1));
            sensitivity.setReceiveSensitivityValue(new SignedShort(0));
            general.setReceiveSensitivityTableEntryList(List.of(sensitivity));
            GPIOCapabilities gpio = new GPIOCapabilities();
            gpio.setNumGPIs(new UnsignedShort(0));
            gpio.setNumGPOs(new UnsignedShort(0));
            general.setGPIOCapabilities(gpio);
            PerAntennaAirProtocol airProtocol = new PerAntennaAirProtocol();
            airProtocol.setAntennaID(new UnsignedShort(1));
            AirProtocolsArray protocols = new AirProtocolsArray(1);
            protocols.set(AirProtocolsArray.EPCGlobalClass1Gen2, 0); // value, then index
            airProtocol.setProtocolID(protocols);
            general.setPerAntennaAirProtocolList(List.of(airProtocol));
            GET_READER_CAPABILITIES_RESPONSE response = new GET_READER_CAPABILITIES_RESPONSE();
            response.setLLRPStatus(status(StatusCode.M_Success, ""));
            response.setGeneralDeviceCapabilities(general);
            response.setMessageID(request.getMessageID());
            return response;
        }

        private void answer(LLRPMessage request, LLRPMessage response) throws IOException {
            response.setMessageID(request.getMessageID());
            send(response);
        }

        /**
         * Reports each read as it is made, one per report as the agent's ROSpec asks, and keeps the agent alive at
         * the period it set, until the agent goes or says goodbye.
         */
        void reportReads(long keepaliveMillis) throws IOException {
            socket.setSoTimeout(0);
            Thread hearing = new Thread(this::hear, "llrp-reader-" + port() + "-hearing");
            hearing.setDaemon(true);
            hearing.start();
            long keptAliveAt = System.nanoTime();
            ChipRead read = null;
            try {
                while (!closed && !socket.isClosed()) {
                    read = read == null ? memory.poll(keepaliveMillis, TimeUnit.MILLISECONDS) : read;
                    if (read != null) {
                        send(LlrpReaderEmulator.report(tag(read)));
                        pending.decrementAndGet();
                        read = null;
                    } else if (System.nanoTime() - keptAliveAt >= TimeUnit.MILLISECONDS.toNanos(keepaliveMillis)) {
                        send(new KEEPALIVE());
                        keptAliveAt = System.nanoTime();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (read != null) {
                    // the read the agent did not get goes first to the next one
                    memory.addFirst(read);
                }
            }
        }

        /** What the agent says while reads are reported: acknowledgements, and its goodbye. */
        private void hear() {
            try {
                while (true) {
                    if (receive() instanceof CLOSE_CONNECTION goodbye) {
                        CLOSE_CONNECTION_RESPONSE bye = new CLOSE_CONNECTION_RESPONSE();
                        bye.setLLRPStatus(status(StatusCode.M_Success, ""));
                        answer(goodbye, bye);
                        close();
                        return;
                    }
                }
            } catch (IOException gone) {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                // closed anyway
            }
        }

        /** Sends a keepalive and checks the agent acknowledges that very one. */
        public void keepalive() throws IOException {
            KEEPALIVE keepalive = new KEEPALIVE();
            send(keepalive);
            KEEPALIVE_ACK ack = expect(KEEPALIVE_ACK.class);
            equal(keepalive.getMessageID().toLong(), ack.getMessageID().toLong(), "that keepalive acknowledged");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("the agent's request, " + what);
        }
    }

    private static void equal(long expected, long actual, String what) {
        check(expected == actual, what + ": expected " + expected + ", was " + actual);
    }

    private static <T> T instance(Class<T> type, Object message) {
        check(type.isInstance(message), "expected " + type.getSimpleName() + ", was " + message);
        return type.cast(message);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

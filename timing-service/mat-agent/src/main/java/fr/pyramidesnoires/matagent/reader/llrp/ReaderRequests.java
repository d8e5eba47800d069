package fr.pyramidesnoires.matagent.reader.llrp;

import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.AI_SPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.AI_SPEC_STOP_TRIGGER;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.EVENT_NOTIFICATION_STATE;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.INVENTORY_PARAMETER_SPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.KEEPALIVE_SPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.READER_EVENT_NOTIFICATION_SPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.RO_BOUNDARY_SPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.RO_REPORT_SPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.RO_SPEC;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.RO_SPEC_START_TRIGGER;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.RO_SPEC_STOP_TRIGGER;
import static fr.pyramidesnoires.matagent.reader.llrp.Parameter.TAG_REPORT_CONTENT_SELECTOR;

import java.time.Duration;

/**
 * What the agent asks of a reader: inventory on every antenna for as long as the connection lasts, each tag
 * reported as soon as it is seen with the antenna, the peak RSSI and the first-seen time (the crossing), and a
 * keepalive so that a reader gone silent is noticed.
 */
final class ReaderRequests {

    /** The agent's one ROSpec; 0 in DELETE_ROSPEC means every ROSpec, whoever added it. */
    static final long RO_SPEC_ID = 1;
    static final long EVERY_RO_SPEC = 0;

    private static final int ALL_CAPABILITIES = 0;
    private static final int TRIGGER_NULL = 0;
    private static final int STATE_DISABLED = 0;
    private static final int ALL_ANTENNAS = 0;
    private static final int EPC_GLOBAL_CLASS1_GEN2 = 1;
    private static final int UPON_N_TAGS_OR_END_OF_AI_SPEC = 1;
    private static final int KEEPALIVE_PERIODIC = 1;
    private static final int REPORT_BUFFER_FILL_WARNING = 3;
    private static final int READER_EXCEPTION_EVENT = 4;
    private static final int ANTENNA_EVENT = 8;
    private static final int NOTIFY = 0x80;

    /** TagReportContentSelector's flags, from its first bit: EPC always comes, these are the rest asked for. */
    static final int ENABLE_ANTENNA_ID = 1 << 12;
    static final int ENABLE_PEAK_RSSI = 1 << 10;
    static final int ENABLE_FIRST_SEEN_TIMESTAMP = 1 << 9;
    static final int ENABLE_TAG_SEEN_COUNT = 1 << 7;

    private ReaderRequests() {
    }

    static byte[] getReaderCapabilities() {
        return ParameterWriter.body(w -> w.u8(ALL_CAPABILITIES));
    }

    /** Keepalives, and the events a volunteer must hear of: an antenna unplugged, a reader in trouble. */
    static byte[] setReaderConfig(Duration keepalive) {
        return ParameterWriter.body(w -> w
                .u8(0) // no reset to factory defaults: the reader's own antenna settings stay
                .tlv(READER_EVENT_NOTIFICATION_SPEC, spec -> spec
                        .tlv(EVENT_NOTIFICATION_STATE, s -> s.u16(ANTENNA_EVENT).u8(NOTIFY))
                        .tlv(EVENT_NOTIFICATION_STATE, s -> s.u16(READER_EXCEPTION_EVENT).u8(NOTIFY))
                        .tlv(EVENT_NOTIFICATION_STATE, s -> s.u16(REPORT_BUFFER_FILL_WARNING).u8(NOTIFY)))
                .tlv(KEEPALIVE_SPEC, k -> k.u8(KEEPALIVE_PERIODIC).u32(keepalive.toMillis())));
    }

    static byte[] roSpecId(long id) {
        return ParameterWriter.body(w -> w.u32(id));
    }

    /**
     * Started by START_ROSPEC and stopped by nothing but the connection's end; one tag per report, so that a
     * runner's read reaches the journal at once rather than when a buffer fills.
     */
    static byte[] addRoSpec() {
        return ParameterWriter.body(w -> w.tlv(RO_SPEC, spec -> spec
                .u32(RO_SPEC_ID).u8(0).u8(STATE_DISABLED)
                .tlv(RO_BOUNDARY_SPEC, boundary -> boundary
                        .tlv(RO_SPEC_START_TRIGGER, start -> start.u8(TRIGGER_NULL))
                        .tlv(RO_SPEC_STOP_TRIGGER, stop -> stop.u8(TRIGGER_NULL).u32(0)))
                .tlv(AI_SPEC, ai -> ai
                        .u16(1).u16(ALL_ANTENNAS)
                        .tlv(AI_SPEC_STOP_TRIGGER, stop -> stop.u8(TRIGGER_NULL).u32(0))
                        .tlv(INVENTORY_PARAMETER_SPEC, inventory -> inventory.u16(1).u8(EPC_GLOBAL_CLASS1_GEN2)))
                .tlv(RO_REPORT_SPEC, report -> report
                        .u8(UPON_N_TAGS_OR_END_OF_AI_SPEC).u16(1)
                        .tlv(TAG_REPORT_CONTENT_SELECTOR, selector -> selector.u16(ENABLE_ANTENNA_ID
                                | ENABLE_PEAK_RSSI | ENABLE_FIRST_SEEN_TIMESTAMP | ENABLE_TAG_SEEN_COUNT)))));
    }
}

package fr.pyramidesnoires.matagent.reader.llrp;

import fr.pyramidesnoires.matagent.reader.ChipIdRule;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The reads in an RO_ACCESS_REPORT: each TagReportData is a read, or, lacking its EPC or its first-seen time, is
 * kept as it came with why, for the officials to see.
 */
final class TagReports {

    private static final int EPC_96_BYTES = 12;

    private final ChipIdRule chipIdRule;

    TagReports(ChipIdRule chipIdRule) {
        this.chipIdRule = chipIdRule;
    }

    List<ReaderTap.Heard> heard(LlrpMessage report, ReaderTap tap) {
        List<ReaderTap.Heard> heard = new ArrayList<>();
        Parameter.Cursor parameters = report.parameters();
        while (parameters.hasNext()) {
            int at = parameters.position();
            try {
                Parameter parameter = parameters.next();
                if (parameter.type() == Parameter.TAG_REPORT_DATA) {
                    heard.add(read(parameter, tap));
                }
            } catch (LlrpFormatException e) {
                // the rest of the report cannot be split into tags: kept whole, so that no read vanishes unseen
                byte[] bytes = report.bytes();
                heard.add(new ReaderTap.Unreadable(HexFormat.of().withUpperCase().formatHex(bytes, at, bytes.length),
                        e.getMessage()));
                break;
            }
        }
        return heard;
    }

    private ReaderTap.Heard read(Parameter tagReport, ReaderTap tap) {
        String epc = null;
        Long firstSeenMicros = null;
        Integer antenna = null;
        Integer rssi = null;
        try {
            for (Parameter field : tagReport.children(0)) {
                switch (field.type()) {
                    case Parameter.EPC_DATA -> epc = field.hex(2, (field.u16(0) + 7) / 8);
                    case Parameter.EPC_96 -> epc = field.hex(0, EPC_96_BYTES);
                    case Parameter.ANTENNA_ID -> antenna = field.u16(0);
                    case Parameter.PEAK_RSSI -> rssi = field.s8(0);
                    case Parameter.FIRST_SEEN_TIMESTAMP_UTC -> firstSeenMicros = field.u64(0);
                    default -> {
                        // the reader's other fields (seen count, channel…) are no part of a read
                    }
                }
            }
        } catch (LlrpFormatException e) {
            return new ReaderTap.Unreadable(tagReport.hex(), e.getMessage());
        }
        if (epc == null || epc.isEmpty()) {
            return new ReaderTap.Unreadable(tagReport.hex(), "tag report without EPC");
        }
        if (firstSeenMicros == null) {
            return new ReaderTap.Unreadable(tagReport.hex(),
                    "tag report without first-seen UTC timestamp: has the reader a UTC clock?");
        }
        return tap.read(chipIdRule.chipId(epc), utc(firstSeenMicros), antenna, rssi);
    }

    /** LLRP's microseconds since 1970, kept to the microsecond: two runners may cross within the same millisecond. */
    static OffsetDateTime utc(long micros) {
        return OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}

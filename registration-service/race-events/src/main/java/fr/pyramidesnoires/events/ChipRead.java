package fr.pyramidesnoires.events;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.OffsetDateTime;

/**
 * One read of one chip by one reader at a mat, as it arrives on {@link Topics#CHIP_READS}. A crossing gives
 * many reads; timing-service collapses them into a passage.
 *
 * @param readerId  the reader (decoder) that made the read
 * @param matId     the mat the reader's antennas lie on, e.g. {@code START}, {@code T07-PINCHONVALLES}
 * @param chipId    the chip's id, as printed on the chip
 * @param readTime  the reader's clock, with milliseconds and its UTC offset
 * @param antenna   the antenna port, when the reader says it
 * @param rssi      signal strength in dBm, when the reader says it
 * @param sequence  the reader's own read counter; with readerId it identifies a read across replays
 * @param source    {@link Source#MAT} for a reader, {@link Source#MANUAL} for a bib typed by a volunteer
 */
public record ChipRead(
        String readerId,
        String matId,
        String chipId,
        @JsonDeserialize(using = ReadTime.Deserializer.class) OffsetDateTime readTime,
        Integer antenna,
        Integer rssi,
        Long sequence,
        Source source) {

    public enum Source {
        MAT, MANUAL
    }
}

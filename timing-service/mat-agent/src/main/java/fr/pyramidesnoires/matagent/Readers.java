package fr.pyramidesnoires.matagent;

import fr.pyramidesnoires.matagent.journal.Journal;
import fr.pyramidesnoires.matagent.reader.FileTail;
import fr.pyramidesnoires.matagent.reader.LineProtocol;
import fr.pyramidesnoires.matagent.reader.MatReader;
import fr.pyramidesnoires.matagent.reader.ReaderLink;
import fr.pyramidesnoires.matagent.reader.ReaderProtocol;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import fr.pyramidesnoires.matagent.reader.chronotrack.ChronoTrackProtocol;
import fr.pyramidesnoires.matagent.reader.llrp.LlrpProtocol;
import fr.pyramidesnoires.matagent.reader.raceresult.RaceResultProtocol;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The mat's readers as its settings describe them, each speaking its own family's protocol. */
final class Readers {

    private Readers() {
    }

    static List<MatReader> of(AgentSettings settings, Journal journal, Clock clock) {
        return settings.readers().stream().map(reader -> of(reader, settings, journal, clock)).toList();
    }

    private static MatReader of(AgentSettings.Reader reader, AgentSettings settings, Journal journal, Clock clock) {
        ReaderTap tap = new ReaderTap(reader.id(), settings.matId(), reader.protocol(), journal, clock);
        if (reader.protocol().equals("file")) {
            return new FileTail(Path.of(reader.where()), settings.journal(), settings.layout(), tap);
        }
        return new ReaderLink(reader.address(), protocol(reader, settings), tap);
    }

    private static ReaderProtocol protocol(AgentSettings.Reader reader, AgentSettings settings) {
        return switch (reader.protocol()) {
            case "line" -> new LineProtocol(settings.layout());
            case "llrp" -> new LlrpProtocol(settings.chipIds());
            case "raceresult" -> new RaceResultProtocol(settings.chipIds(), settings.zone(), settings.journal());
            case "chronotrack" -> new ChronoTrackProtocol(settings.chipIds(), settings.zone(), settings.eventDate(),
                    settings.journal());
            default -> throw new IllegalArgumentException("READERS: no protocol " + reader.protocol());
        };
    }
}

package fr.pyramidesnoires.timing.track;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The points of a GPX file (1.1, or 1.0 which writes them alike): those of its tracks ({@code trkpt}), in the file's
 * order across tracks and segments, or of its routes ({@code rtept}) when it has no track; waypoints are not the
 * course's line and are left out. The file is an upload nobody checked: it is read whole only up to a size, never
 * resolves a DTD or an entity (no file or URL of the server can be pulled into it), and any point not on Earth stops
 * the reading, naming it.
 */
public final class Gpx {

    /** A point of the file; its elevation is null where the file gives none. */
    public record Point(double lat, double lon, Double elevationM) {
    }

    /** More than a day of points recorded every second: a bigger file is not a course's track. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int MAX_POINTS = 200_000;
    /** The Dead Sea's shore to above Everest: an elevation outside is in another unit, or garbage. */
    static final double LOWEST_M = -450;
    static final double HIGHEST_M = 9000;
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private Gpx() {
    }

    public static List<Point> read(InputStream in) throws TrackRefused, IOException {
        byte[] file = in.readNBytes(MAX_BYTES + 1);
        if (file.length > MAX_BYTES) {
            throw new TrackRefused("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(file));
            try {
                return points(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException unreadable) {
            throw new TrackRefused("not readable as XML: " + unreadable.getMessage().replaceAll("\\s+", " "));
        }
    }

    private static List<Point> points(XMLStreamReader xml) throws XMLStreamException, TrackRefused {
        List<Point> track = new ArrayList<>();
        List<Point> route = new ArrayList<>();
        boolean root = true;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new TrackRefused("the file declares a DTD (<!DOCTYPE>), which a GPX file has no use for");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = xml.getLocalName();
            if (root && !element.equals("gpx")) {
                throw new TrackRefused("not a GPX file: its root element is <" + element + ">, not <gpx>");
            }
            root = false;
            if (element.equals("trkpt") || element.equals("rtept")) {
                List<Point> into = element.equals("trkpt") ? track : route;
                if (track.size() + route.size() >= MAX_POINTS) {
                    throw new TrackRefused("more than " + MAX_POINTS + " points");
                }
                into.add(point(xml, element, into.size() + 1));
            }
        }
        return track.isEmpty() ? route : track;
    }

    /** The point the reader is at, up to its end tag: its position and the elevation among its children. */
    private static Point point(XMLStreamReader xml, String element, int number)
            throws XMLStreamException, TrackRefused {
        String which = element + " #" + number;
        double lat = coordinate(xml.getAttributeValue(null, "lat"), "lat", 90, which);
        double lon = coordinate(xml.getAttributeValue(null, "lon"), "lon", 180, which);
        Double elevation = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && xml.getLocalName().equals("ele")) {
                    elevation = elevation(xml.getElementText(), which);
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Point(lat, lon, elevation);
    }

    private static double coordinate(String text, String name, double limit, String which) throws TrackRefused {
        if (text == null || text.isBlank()) {
            throw new TrackRefused(which + " has no " + name);
        }
        double value = number(text, name, which);
        if (!(value >= -limit && value <= limit)) {
            throw new TrackRefused(which + ": " + name + " " + text.strip() + " is not between -" + (int) limit
                    + " and " + (int) limit);
        }
        return value;
    }

    private static Double elevation(String text, String which) throws TrackRefused {
        if (text.isBlank()) {
            return null;
        }
        double metres = number(text, "ele", which);
        if (!(metres >= LOWEST_M && metres <= HIGHEST_M)) {
            throw new TrackRefused(which + ": elevation " + text.strip() + " m is not between "
                    + (int) LOWEST_M + " and " + (int) HIGHEST_M + " m");
        }
        return metres;
    }

    private static double number(String text, String name, String which) throws TrackRefused {
        // Java reads "NaN", "1e400", "0x1p3" or "2d" as numbers; a GPX file writes decimals
        if (!DECIMAL.matcher(text.strip()).matches()) {
            throw new TrackRefused(which + ": " + name + " \"" + text.strip() + "\" is not a number");
        }
        return Double.parseDouble(text.strip());
    }
}

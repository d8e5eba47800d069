package fr.pyramidesnoires.timing.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpxTest {

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">";

    static List<Gpx.Point> read(String gpx) throws Exception {
        return Gpx.read(new ByteArrayInputStream(gpx.getBytes(StandardCharsets.UTF_8)));
    }

    static String refusal(String gpx) {
        return assertThrows(TrackRefused.class, () -> read(gpx)).getMessage();
    }

    static String track(String points) {
        return HEAD + "<trk><trkseg>" + points + "</trkseg></trk></gpx>";
    }

    @Test
    void theTracksPointsAreReadInTheFilesOrderAcrossTracksAndSegments() throws Exception {
        List<Gpx.Point> points = read(HEAD + """
                <metadata><name>110K</name></metadata>
                <wpt lat="50.0" lon="3.0"><ele>99</ele><name>a waypoint is not the line</name></wpt>
                <rte><rtept lat="49.0" lon="1.0"><ele>1</ele></rtept></rte>
                <trk><name>110K</name>
                  <trkseg>
                    <trkpt lat="50.468" lon="2.993"><ele>31.5</ele><time>2027-03-20T05:00:00Z</time></trkpt>
                    <trkpt lat="50.469" lon="2.994"><ele> 32 </ele></trkpt>
                  </trkseg>
                  <trkseg><trkpt lat="50.470" lon="2.995"><ele>-3.25</ele></trkpt></trkseg>
                </trk>
                <trk><trkseg><trkpt lat="-33.9" lon="-151.2"><ele>+8</ele></trkpt></trkseg></trk>
                </gpx>""");

        assertEquals(List.of(new Gpx.Point(50.468, 2.993, 31.5), new Gpx.Point(50.469, 2.994, 32.0),
                new Gpx.Point(50.470, 2.995, -3.25), new Gpx.Point(-33.9, -151.2, 8.0)), points);
    }

    @Test
    void aFileWithoutTrackGivesItsRoute() throws Exception {
        assertEquals(List.of(new Gpx.Point(50.4, 2.9, 40.0), new Gpx.Point(50.5, 2.8, null)), read(HEAD + """
                <wpt lat="50.0" lon="3.0"/>
                <rte><rtept lat="50.4" lon="2.9"><ele>40</ele></rtept><rtept lat="50.5" lon="2.8"/></rte></gpx>"""));
    }

    @Test
    void aFileWithNoPointGivesNone() throws Exception {
        assertEquals(List.of(), read(HEAD + "<wpt lat=\"50.0\" lon=\"3.0\"/></gpx>"));
    }

    @Test
    void anElevationIsThePointsOwnNotOneInItsExtensions() throws Exception {
        assertEquals(List.of(new Gpx.Point(50.0, 3.0, null), new Gpx.Point(50.1, 3.1, null)), read(track("""
                <trkpt lat="50.0" lon="3.0"><extensions><x:p xmlns:x="urn:x"><x:ele>500</x:ele></x:p></extensions></trkpt>
                <trkpt lat="50.1" lon="3.1"><ele>  </ele></trkpt>""")));
    }

    @Test
    void aGpx10FileIsReadAlike() throws Exception {
        assertEquals(List.of(new Gpx.Point(50.0, 3.0, 40.0)), read("""
                <gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0"><trk><trkseg>
                <trkpt lat="50.0" lon="3.0"><ele>40</ele></trkpt></trkseg></trk></gpx>"""));
    }

    @Test
    void aFileThatIsNotXmlOrNotGpxIsRefused() {
        assertTrue(refusal("lat,lon\n50.4,2.9\n").startsWith("not readable as XML: "), refusal("lat,lon\n50.4,2.9\n"));
        assertTrue(refusal(HEAD + "<trk><trkseg><trkpt lat=\"50\" lon=\"3\">").startsWith("not readable as XML: "));
        assertEquals("not a GPX file: its root element is <kml>, not <gpx>",
                refusal("<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark/></kml>"));
    }

    @Test
    void aDtdIsRefusedAndNoEntityIsEverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "s3cr3t-password");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<gpx><trk><name>&x;</name><trkseg><trkpt lat=\"50\" lon=\"3\"><ele>1</ele></trkpt></trkseg></trk>"
                + "</gpx>";
        String refused = refusal(external);
        assertFalse(refused.contains("s3cr3t"), refused);
        assertTrue(refused.contains("DTD") || refused.startsWith("not readable as XML"), refused);

        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<gpx><trk><name>&c;</name></trk></gpx>";
        assertEquals("the file declares a DTD (<!DOCTYPE>), which a GPX file has no use for", refusal(laughs));
        assertEquals("the file declares a DTD (<!DOCTYPE>), which a GPX file has no use for",
                refusal("<?xml version=\"1.0\"?><!DOCTYPE gpx SYSTEM \"http://127.0.0.1:9/gpx.dtd\"><gpx/>"));
    }

    @Test
    void aFileAboveTheSizeLimitIsRefusedUnread() {
        byte[] big = new byte[Gpx.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] head = HEAD.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, big, 0, head.length);
        assertEquals("the file is larger than 20 MB",
                assertThrows(TrackRefused.class, () -> Gpx.read(new ByteArrayInputStream(big))).getMessage());
    }

    @Test
    void aFileWithTooManyPointsIsRefused() {
        String point = "<trkpt lat=\"50\" lon=\"3\"/>";
        assertEquals("more than 200000 points", refusal(track(point.repeat(Gpx.MAX_POINTS + 1))));
    }

    @Test
    void aPointNotOnEarthIsRefusedNamingIt() {
        assertEquals("trkpt #2: lat 90.5 is not between -90 and 90",
                refusal(track("<trkpt lat=\"50\" lon=\"3\"/><trkpt lat=\"90.5\" lon=\"3\"/>")));
        assertEquals("trkpt #1: lon -180.01 is not between -180 and 180",
                refusal(track("<trkpt lat=\"50\" lon=\"-180.01\"/>")));
        assertEquals("rtept #1 has no lat", refusal(HEAD + "<rte><rtept lon=\"3\"/></rte></gpx>"));
        assertEquals("trkpt #1 has no lon", refusal(track("<trkpt lat=\"50\" lon=\" \"/>")));
        assertEquals("trkpt #1: lat \"NaN\" is not a number", refusal(track("<trkpt lat=\"NaN\" lon=\"3\"/>")));
        assertEquals("trkpt #1: lon \"3,5\" is not a number", refusal(track("<trkpt lat=\"50\" lon=\"3,5\"/>")));
        assertEquals("trkpt #1: lat \"0x1p5\" is not a number", refusal(track("<trkpt lat=\"0x1p5\" lon=\"3\"/>")));
    }

    @Test
    void anElevationThatIsNoHeightOnEarthIsRefusedNamingThePoint() {
        assertEquals("trkpt #2: elevation 29029 m is not between -450 and 9000 m", refusal(track(
                "<trkpt lat=\"50\" lon=\"3\"><ele>40</ele></trkpt><trkpt lat=\"50\" lon=\"3\"><ele>29029</ele></trkpt>")));
        assertEquals("trkpt #1: ele \"12 m\" is not a number",
                refusal(track("<trkpt lat=\"50\" lon=\"3\"><ele>12 m</ele></trkpt>")));
        assertEquals("trkpt #1: ele \"Infinity\" is not a number",
                refusal(track("<trkpt lat=\"50\" lon=\"3\"><ele>Infinity</ele></trkpt>")));
    }
}

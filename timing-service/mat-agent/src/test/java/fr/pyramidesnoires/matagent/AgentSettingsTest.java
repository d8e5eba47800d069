package fr.pyramidesnoires.matagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {

    static Map<String, String> estevelles() {
        Map<String, String> given = new HashMap<>();
        given.put("MAT_ID", "M-ESTEVELLES");
        given.put("READERS", "R-MAIN=llrp:10.0.0.5:5084, R-BACKUP=line:127.0.0.1:3602, R-FILE=file:C:/reads/a.txt");
        given.put("PLATFORM_URL", "https://timing.example.org");
        given.put("DEVICE_ACCOUNT", "mat-estevelles:long-enough-secret");
        return given;
    }

    @Test
    void aMatWithTwoReadersAndThePlatform() {
        AgentSettings settings = AgentSettings.of(estevelles());
        assertEquals("M-ESTEVELLES", settings.matId());
        assertEquals(List.of(new AgentSettings.Reader("R-MAIN", "llrp", "10.0.0.5:5084"),
                new AgentSettings.Reader("R-BACKUP", "line", "127.0.0.1:3602"),
                new AgentSettings.Reader("R-FILE", "file", "C:/reads/a.txt")), settings.readers());
        assertEquals(new InetSocketAddress("10.0.0.5", 5084), settings.readers().get(0).address());
        assertEquals(URI.create("https://timing.example.org"), settings.platform());
        assertEquals(Path.of("journal"), settings.journal());
        assertEquals("A1", settings.layout().parse("a1,2027-03-20T10:00:00+01:00,1", "R", "M").read().chipId());
    }

    @Test
    void aMissingOrWrongSettingIsNamed() {
        Map<String, String> given = estevelles();
        given.remove("PLATFORM_URL");
        assertEquals("PLATFORM_URL is missing from the agent's settings",
                assertThrows(IllegalArgumentException.class, () -> AgentSettings.of(given)).getMessage());
        Map<String, String> unknown = estevelles();
        unknown.put("READERS", "R-MAIN=mylaps:10.0.0.5:3097");
        assertEquals("READERS: 'R-MAIN=mylaps:10.0.0.5:3097' is not id=protocol:host:port (protocol one of "
                        + "chronotrack, file, line, llrp, raceresult) or id=file:path",
                assertThrows(IllegalArgumentException.class, () -> AgentSettings.of(unknown)).getMessage());
        Map<String, String> noPort = estevelles();
        noPort.put("READERS", "R-MAIN=llrp:10.0.0.5");
        assertEquals("READERS: 'R-MAIN=llrp:10.0.0.5' has no host:port",
                assertThrows(IllegalArgumentException.class, () -> AgentSettings.of(noPort)).getMessage());
        Map<String, String> twice = estevelles();
        twice.put("READERS", "R-MAIN=line:10.0.0.5:3601,R-MAIN=line:10.0.0.6:3601");
        assertEquals("READERS: two readers named R-MAIN: each keeps its own position beside the journal",
                assertThrows(IllegalArgumentException.class, () -> AgentSettings.of(twice)).getMessage());
        Map<String, String> oddName = estevelles();
        oddName.put("READERS", "R MAIN/../x=line:10.0.0.5:3601");
        assertThrows(IllegalArgumentException.class, () -> AgentSettings.of(oddName));
        Map<String, String> noPassword = estevelles();
        noPassword.put("DEVICE_ACCOUNT", "mat-estevelles");
        assertThrows(IllegalArgumentException.class, () -> AgentSettings.of(noPassword));
    }
}

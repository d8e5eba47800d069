package fr.pyramidesnoires.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The packaged services, the broker and the database listen on loopback only, as the local stack starts them:
 * another machine on the network reaches none of them (a deployment opens a service with QUARKUS_HTTP_HOST).
 */
class LoopbackOnlyTest {

    @Test
    void nothingAnswersOnTheMachinesNetworkAddress() throws Exception {
        // a socket bound to every address answers on 127.0.0.2 too, one bound to 127.0.0.1 does not: this holds on
        // a machine with no network address besides loopback, such as a CI container
        List<InetAddress> others = new ArrayList<>(List.of(InetAddress.getByName("127.0.0.2")));
        networkAddress().ifPresent(others::add);
        Platform platform = Platform.get();
        List<Integer> ports = List.of(port(platform.registration), port(platform.timing), port(platform.results),
                Integer.parseInt(Platform.KAFKA.replaceAll(".*:", "")), Integer.parseInt(Platform.PG_PORT));
        for (int port : ports) {
            assertTrue(answers(InetAddress.getLoopbackAddress(), port), "nothing on 127.0.0.1:" + port);
            for (InetAddress other : others) {
                assertFalse(answers(other, port), other.getHostAddress() + ":" + port + " answers");
            }
        }
    }

    private static int port(Service service) {
        return URI.create(service.url()).getPort();
    }

    private static Optional<InetAddress> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(LoopbackOnlyTest::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private static boolean up(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean answers(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}

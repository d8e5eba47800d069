package fr.pyramidesnoires.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
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
        Optional<InetAddress> network = networkAddress();
        assumeTrue(network.isPresent(), "this machine has no network address besides loopback");
        Platform platform = Platform.get();
        List<Integer> ports = List.of(port(platform.registration), port(platform.timing), port(platform.results),
                Integer.parseInt(Platform.KAFKA.replaceAll(".*:", "")), Integer.parseInt(Platform.PG_PORT));
        for (int port : ports) {
            assertTrue(answers(InetAddress.getLoopbackAddress(), port), "nothing on 127.0.0.1:" + port);
            assertFalse(answers(network.get(), port), network.get().getHostAddress() + ":" + port + " answers");
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

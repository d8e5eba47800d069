package fr.pyramidesnoires.drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's PostgreSQL as an operator handles it by hand with deploy/stack.sh: its primary on the cluster's
 * PG_PORT, its hot standby on the next port.
 */
final class PostgresStack {

    static final int PRIMARY_PORT = Cluster.PORT_BASE + 20;
    static final int STANDBY_PORT = Cluster.PORT_BASE + 21;

    private PostgresStack() {
    }

    /** Stops the primary as a failing machine would take it away, without promoting anything. */
    static void stopPrimary() throws Exception {
        stack(Duration.ofMinutes(1), "pg-stop", String.valueOf(PRIMARY_PORT));
    }

    /** The scripted promotion: the standby takes writes once this returns. */
    static void promoteStandby() throws Exception {
        stack(Duration.ofMinutes(2), "pg-promote");
    }

    /** A base backup of the primary of now; its folder. */
    static Path backup() throws Exception {
        return Path.of(stack(Duration.ofMinutes(2), "pg-backup").strip());
    }

    /** A new cluster on the port from the base backup and the archived WAL; the stack's others are stopped. */
    static void restore(Path backup, int port) throws Exception {
        stack(Duration.ofMinutes(3), "pg-restore", backup.toString(), String.valueOf(port));
    }

    /** A new hot standby from the primary on {@link #PRIMARY_PORT}: the stack replicated again after a restore. */
    static void rebuildStandby() throws Exception {
        stack(Duration.ofMinutes(2), "pg-standby");
    }

    /** Runs deploy/stack.sh with the cluster's folder and ports, as deploy/cluster.sh does; its standard output. */
    private static String stack(Duration timeout, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Cluster.ROOT.resolve("deploy/stack.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Cluster.ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.put("STACK_DIR", Cluster.STACK.toString());
        env.put("KAFKA_BROKERS", "3");
        env.put("KAFKA_PORT", String.valueOf(Cluster.PORT_BASE + 10));
        env.put("PG_PORT", String.valueOf(PRIMARY_PORT));
        env.put("PG_STANDBY_PORT", String.valueOf(STANDBY_PORT));
        // its output through a file: the deadline holds even if the script hangs with its output open
        Path out = Files.createTempFile("stack", ".out");
        builder.redirectOutput(out.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("stack.sh " + String.join(" ", arguments) + " took over " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("stack.sh " + String.join(" ", arguments) + " failed ("
                    + process.exitValue() + ")");
        }
        String printed = Files.readString(out);
        Files.delete(out);
        return printed;
    }
}

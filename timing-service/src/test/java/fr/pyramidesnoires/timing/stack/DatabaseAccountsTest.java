package fr.pyramidesnoires.timing.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The stack's PostgreSQL asks every connection for its password (scram-sha-256): a local process is no longer the
 * superuser, nor a service, by naming it; the passwords that were once the services' names open nothing.
 */
@QuarkusTest
class DatabaseAccountsTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void noPasswordAndGuessedOnesAreRefused() {
        for (List<String> account : List.of(List.of("postgres", ""), List.of("postgres", "postgres"),
                List.of("timing", ""), List.of("timing", "timing"), List.of("registration", "registration"))) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, account.get(0), account.get(1))
                    .close(), account.get(0) + " with \"" + account.get(1) + "\" was let in");
        }
    }

    @Test
    void theServiceSignsInWithThePasswordTheStackMadeForIt() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "timing", password);
             ResultSet who = connection.createStatement().executeQuery("SELECT current_user")) {
            who.next();
            assertEquals("timing", who.getString(1));
        }
    }
}

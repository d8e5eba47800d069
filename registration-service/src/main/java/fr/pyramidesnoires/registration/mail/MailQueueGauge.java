package fr.pyramidesnoires.registration.mail;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Mails owed to runners and not taken by the mail server yet, counted in the queue table at each scrape: every
 * replica sees the same queue, and a figure that only grows is a mail server away on the day entries open.
 */
@Startup
@ApplicationScoped
public class MailQueueGauge {

    private static final Logger LOG = Logger.getLogger(MailQueueGauge.class);

    final AgroalDataSource database;

    MailQueueGauge(AgroalDataSource database, MeterRegistry metrics) {
        this.database = database;
        Gauge.builder("registration.mails.waiting", this, MailQueueGauge::waiting)
                .description("Mails to runners not yet taken by the mail server, given-up ones left out")
                .register(metrics);
    }

    /** NaN when the database cannot say: no figure rather than a false zero. */
    double waiting() {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM runnermail WHERE gaveupat IS NULL")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            LOG.debugf("Mails waiting not counted: %s", e.getMessage());
            return Double.NaN;
        }
    }
}

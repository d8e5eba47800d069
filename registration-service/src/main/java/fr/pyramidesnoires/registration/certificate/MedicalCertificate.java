package fr.pyramidesnoires.registration.certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * A runner's medical certificate, kept beside their entry for the organiser's checks. Health data: it never
 * leaves this service and is dropped when the entry changes hands or is cancelled.
 */
@Entity
public class MedicalCertificate extends PanacheEntityBase {

    @Id
    public UUID entryId;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] pdf;
    @Column(nullable = false)
    public Instant receivedAt;
}

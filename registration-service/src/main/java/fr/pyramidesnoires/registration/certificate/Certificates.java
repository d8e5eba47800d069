package fr.pyramidesnoires.registration.certificate;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryChanged;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Takes medical certificates in, as PDF files of a bounded size, and lets them go with the runner. */
@ApplicationScoped
public class Certificates {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    @ConfigProperty(name = "registration.certificate.max-bytes")
    int maxBytes;

    /**
     * The file's bytes once they are a PDF within the size limit. It reads one byte past the limit at most, so a
     * huge upload is refused without being held in memory; the content type a browser claims proves nothing, so
     * the file's own first bytes decide.
     */
    public byte[] read(InputStream in) {
        byte[] bytes;
        try (in) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded certificate", e);
        }
        if (bytes.length > maxBytes) {
            throw new CertificateRefused(413, "certificate-too-large",
                    "Le certificat médical fait au plus " + maxBytes / (1024 * 1024) + " Mo"
                            + " / A medical certificate may be at most " + maxBytes / (1024 * 1024) + " MB");
        }
        if (bytes.length < PDF_MAGIC.length
                || !Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new CertificateRefused(415, "certificate-not-pdf",
                    "Le certificat médical doit être un fichier PDF / A medical certificate must be a PDF file");
        }
        return bytes;
    }

    /** Keeps the certificate with the entry, replacing an earlier one, in the entry's own transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Entry entry, byte[] pdf) {
        Race race = Race.findById(entry.raceCode);
        if (!race.medicalCertificateAllowed) {
            throw new CertificateRefused(422, "certificate-not-accepted",
                    race.code + " n'accepte pas de certificat médical : donnez une licence FFA ou un PPS / "
                            + race.code + " does not accept a medical certificate: give an FFA licence or a PPS");
        }
        MedicalCertificate certificate = MedicalCertificate.<MedicalCertificate>findByIdOptional(entry.id)
                .orElseGet(MedicalCertificate::new);
        certificate.entryId = entry.id;
        certificate.pdf = pdf;
        certificate.receivedAt = Instant.now();
        certificate.persist();
        entry.certificateReceivedAt = certificate.receivedAt;
    }

    /** A new runner brings their own certificate, and a cancelled entry needs none: health data is not kept. */
    void forget(@Observes EntryChanged changed) {
        if (changed.change() == EntryChanged.Change.TRANSFERRED || changed.change() == EntryChanged.Change.CANCELLED) {
            // a query, not a load and remove: a new certificate stored in the same transaction then starts afresh
            MedicalCertificate.delete("entryId", changed.entry().id());
        }
    }
}

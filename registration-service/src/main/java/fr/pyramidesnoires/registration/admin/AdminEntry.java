package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Everything the organiser knows of an entry, private fields included: it is shown to organisers only. */
public record AdminEntry(
        UUID id,
        String raceCode,
        EntryStatus status,
        Integer bib,
        String chip,
        Long waitlistPosition,
        String firstName,
        String lastName,
        EntryEvent.Sex sex,
        LocalDate birthDate,
        String category,
        String nationality,
        String club,
        boolean publishName,
        String email,
        String phone,
        String emergencyContactName,
        String emergencyContactPhone,
        String licenceNumber,
        String ppsNumber,
        LocalDate ppsDate,
        boolean medicalCertificate,
        // when the runner accepted the event's waiver; null where the event has none
        Instant waiverAcceptedAt,
        String documentsCheckedBy,
        Instant documentsCheckedAt,
        Instant createdAt,
        String importedFrom) {

    static AdminEntry of(Entry entry) {
        return new AdminEntry(entry.id, entry.raceCode, entry.status, entry.bib, entry.chip, entry.waitlistPosition(),
                entry.firstName, entry.lastName, entry.sex, entry.birthDate, entry.category, entry.nationality,
                entry.club, entry.publishName, entry.email, entry.phone, entry.emergencyContactName,
                entry.emergencyContactPhone, entry.licenceNumber, entry.ppsNumber, entry.ppsDate,
                entry.medicalCertificate, entry.waiverAcceptedAt, entry.documentsCheckedBy, entry.documentsCheckedAt,
                entry.createdAt, entry.importedFrom);
    }
}

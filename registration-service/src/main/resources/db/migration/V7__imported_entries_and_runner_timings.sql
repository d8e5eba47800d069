-- The registration platform an entry was imported from (njuko, ultrasignup, runsignup or the organiser's name for
-- their own mapping); null for an entry taken here. Organisers see it: the health proof was that platform's.
ALTER TABLE entry ADD COLUMN importedfrom character varying(40);

-- Timing's latest snapshot of each runner (the runner-timings topic), for the federations' results files, which
-- need the birth date and licence that only registration holds. Keyed as the topic is: race and bib.
CREATE TABLE runnertiming (
    racecode character varying(255) NOT NULL,
    bib integer NOT NULL,
    status character varying(20) NOT NULL,
    guntimems bigint,
    chiptimems bigint,
    PRIMARY KEY (racecode, bib)
);

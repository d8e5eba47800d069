-- The volunteer at a mat sees who passes: the agent on the mat's laptop fetches the start list (chip, bib and the
-- name the runner lets be shown). Runners stored before this version get their name with their next entry event.
ALTER TABLE chipassignment ADD COLUMN runnername character varying(255);

-- What each mat agent last said of its readers, for the mat board: one row a reader, replaced by each report. Kept
-- in the database, not in memory, so that every timing instance shows the same board.
CREATE TABLE readerstatus (
    matid character varying(100) NOT NULL,
    readerid character varying(100) NOT NULL,
    device character varying(100) NOT NULL,
    protocol character varying(20),
    reportedat timestamp(6) with time zone NOT NULL,
    connected boolean NOT NULL,
    lastread timestamp(6) with time zone,
    readerclockms bigint,
    platformclockms bigint,
    backlog bigint NOT NULL,
    lastdelivery timestamp(6) with time zone,
    PRIMARY KEY (matid, readerid)
);

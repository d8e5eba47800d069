-- The mails to runners, written in the transaction of the change they tell of: a mail is owed exactly when the
-- change committed, and a service that stops, or a mail server that is down, delays it instead of losing it.
CREATE TABLE runnermail (
    id bigint NOT NULL PRIMARY KEY,
    change character varying(20) NOT NULL,
    recipient character varying(254) NOT NULL,
    firstname character varying(80) NOT NULL,
    entryid uuid NOT NULL,
    racename character varying(255),
    bib integer,
    category character varying(255),
    waitlistposition bigint,
    feeeur numeric(38,2),
    token character varying(255) NOT NULL,
    createdat timestamp(6) with time zone NOT NULL,
    attempts integer NOT NULL,
    nextattemptat timestamp(6) with time zone NOT NULL,
    lasterror text,
    gaveupat timestamp(6) with time zone
);

CREATE SEQUENCE runnermail_seq START WITH 1 INCREMENT BY 50;

-- the relay's query: the mails due, oldest first, among those still tried, each after its entry's earlier ones
CREATE INDEX runnermail_due ON runnermail (nextattemptat) WHERE gaveupat IS NULL;
CREATE INDEX runnermail_entry ON runnermail (entryid);

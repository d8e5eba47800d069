-- Entries paid online (#16). A place held while the runner pays counts against the capacity; an unpaid hold ends
-- as a cancellation stamped holdExpiredAt, so that every query that leaves cancelled entries out leaves it out too.
ALTER TABLE entry DROP CONSTRAINT entry_status_check;
ALTER TABLE entry ADD CONSTRAINT entry_status_check
    CHECK (status IN ('CONFIRMED', 'HELD', 'WAITLISTED', 'CANCELLED'));
ALTER TABLE entry ADD COLUMN holduntil timestamp(6) with time zone;
ALTER TABLE entry ADD COLUMN holdexpiredat timestamp(6) with time zone;
-- what the runner owes for the entry, in cents, and the lines of that bill, as decided with the entry
ALTER TABLE entry ADD COLUMN amountduecents bigint NOT NULL DEFAULT 0;
ALTER TABLE entry ADD COLUMN bill text;
ALTER TABLE entry ADD COLUMN extras text;
ALTER TABLE entry ADD COLUMN answers text;
ALTER TABLE entry ADD COLUMN discountcode character varying(32);
CREATE INDEX entry_held ON entry (holduntil) WHERE status = 'HELD';

-- the race's prices, extras, questions and refund policy, as the races file gives them (JSON, read by PaymentTerms)
ALTER TABLE race ADD COLUMN payment text;

-- One attempt to pay: a checkout at the provider, or money an organiser received by hand.
CREATE TABLE payment (
    id uuid NOT NULL PRIMARY KEY,
    entryid uuid NOT NULL REFERENCES entry (id),
    racecode character varying(20) NOT NULL,
    method character varying(20) NOT NULL CHECK (method IN ('CARD', 'CHEQUE', 'CASH', 'TRANSFER')),
    -- what is paid for: the entry, or the transfer fee of a new runner, whose details wait here until it is paid
    purpose character varying(20) NOT NULL CHECK (purpose IN ('ENTRY', 'TRANSFER')),
    transferrequest text,
    status character varying(20) NOT NULL CHECK (status IN ('OPEN', 'PAID', 'EXPIRED')),
    amountcents bigint NOT NULL CHECK (amountcents >= 0),
    currency character varying(3) NOT NULL,
    checkoutid character varying(255) UNIQUE,
    checkouturl text,
    providerpaymentid character varying(255),
    feecents bigint,
    createdat timestamp(6) with time zone NOT NULL,
    expiresat timestamp(6) with time zone,
    paidat timestamp(6) with time zone,
    -- the organiser who recorded a payment by hand, and their note (cheque number, bank reference)
    recordedby character varying(80),
    note character varying(200),
    receiptnumber bigint UNIQUE
);
CREATE INDEX payment_entry ON payment (entryid);
CREATE INDEX payment_open ON payment (createdat) WHERE status = 'OPEN';
CREATE SEQUENCE receipt_number;

-- Money owed back to a runner, kept until the provider has taken the refund: a provider down delays it, never loses it.
CREATE TABLE paymentrefund (
    id uuid NOT NULL PRIMARY KEY,
    paymentid uuid NOT NULL REFERENCES payment (id),
    racecode character varying(20) NOT NULL,
    amountcents bigint NOT NULL CHECK (amountcents > 0),
    reason character varying(20) NOT NULL,
    createdat timestamp(6) with time zone NOT NULL,
    providerrefundid character varying(255),
    doneat timestamp(6) with time zone,
    attempts integer NOT NULL DEFAULT 0,
    lasterror text
);
CREATE INDEX paymentrefund_pending ON paymentrefund (createdat) WHERE doneat IS NULL;

-- Every notification that reached the webhook, refused ones included (unsigned or badly signed), each handled once.
CREATE TABLE providernotice (
    id character varying(255) NOT NULL PRIMARY KEY,
    type character varying(100),
    receivedat timestamp(6) with time zone NOT NULL,
    signatureok boolean NOT NULL,
    payload text NOT NULL,
    outcome text
);

CREATE TABLE discountcode (
    code character varying(32) NOT NULL PRIMARY KEY,
    amountoffcents bigint,
    percentoff integer,
    racecode character varying(20),
    maxuses integer,
    expiresat timestamp(6) with time zone,
    createdby character varying(80) NOT NULL,
    createdat timestamp(6) with time zone NOT NULL
);

-- a runner's mail says what was paid and refunded, and until when a held place waits, as it was at the change
ALTER TABLE runnermail ADD COLUMN holduntil timestamp(6) with time zone;
ALTER TABLE runnermail ADD COLUMN paid numeric(38, 2);
ALTER TABLE runnermail ADD COLUMN refunded numeric(38, 2);

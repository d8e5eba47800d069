-- registration-service's schema as version 1: what Hibernate made of the entities until then, constraint
-- names included, so that a database it made with schema-management "update" (before migrations) is this
-- version as it stands. Hibernate now only validates the schema; each later change is a migration of its own.

CREATE TABLE entry (
    id uuid NOT NULL,
    bib integer,
    birthdate date NOT NULL,
    category character varying(255) NOT NULL,
    certificatereceivedat timestamp(6) with time zone,
    chip character varying(255),
    club character varying(255),
    createdat timestamp(6) with time zone NOT NULL,
    documentscheckedat timestamp(6) with time zone,
    documentscheckedby character varying(255),
    email character varying(255),
    emergencycontactname character varying(255),
    emergencycontactphone character varying(255),
    firstname character varying(255) NOT NULL,
    lastname character varying(255) NOT NULL,
    licencenumber character varying(255),
    medicalcertificate boolean NOT NULL,
    nationality character varying(255),
    phone character varying(255),
    ppsdate date,
    ppsnumber character varying(255),
    publishname boolean NOT NULL,
    racecode character varying(255) NOT NULL,
    sex character varying(255) NOT NULL,
    status character varying(255) NOT NULL,
    token character varying(255) NOT NULL,
    waitlistedat timestamp(6) with time zone,
    CONSTRAINT entry_sex_check CHECK (((sex)::text = ANY ((ARRAY['F'::character varying, 'H'::character varying])::text[]))),
    CONSTRAINT entry_status_check CHECK (((status)::text = ANY ((ARRAY['CONFIRMED'::character varying, 'WAITLISTED'::character varying, 'CANCELLED'::character varying])::text[])))
);

CREATE TABLE medicalcertificate (
    entryid uuid NOT NULL,
    pdf bytea NOT NULL,
    receivedat timestamp(6) with time zone NOT NULL
);

CREATE TABLE organiseraccount (
    id bigint NOT NULL,
    passwordhash character varying(255) NOT NULL,
    username character varying(255) NOT NULL
);

CREATE SEQUENCE organiseraccount_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE outboxmessage (
    id bigint NOT NULL,
    createdat timestamp(6) with time zone NOT NULL,
    messagekey character varying(255) NOT NULL,
    payload text NOT NULL,
    topic character varying(255) NOT NULL
);

CREATE SEQUENCE outboxmessage_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE race (
    code character varying(255) NOT NULL,
    bibfirst integer NOT NULL,
    biblast integer NOT NULL,
    capacity integer NOT NULL,
    definitiondigest character varying(255),
    distancekm double precision NOT NULL,
    elevationgainm integer NOT NULL,
    entriesclose timestamp(6) with time zone,
    entriesopen timestamp(6) with time zone,
    feeeur numeric(38,2),
    kmeffortlimits jsonb,
    medicalcertificateallowed boolean NOT NULL,
    name character varying(255),
    starttime timestamp(6) with time zone
);

ALTER TABLE ONLY entry
    ADD CONSTRAINT entry_bib_per_race UNIQUE (racecode, bib);

ALTER TABLE ONLY entry
    ADD CONSTRAINT entry_chip UNIQUE (chip);

ALTER TABLE ONLY entry
    ADD CONSTRAINT entry_pkey PRIMARY KEY (id);

ALTER TABLE ONLY medicalcertificate
    ADD CONSTRAINT medicalcertificate_pkey PRIMARY KEY (entryid);

ALTER TABLE ONLY organiseraccount
    ADD CONSTRAINT organiseraccount_pkey PRIMARY KEY (id);

ALTER TABLE ONLY outboxmessage
    ADD CONSTRAINT outboxmessage_pkey PRIMARY KEY (id);

ALTER TABLE ONLY race
    ADD CONSTRAINT race_pkey PRIMARY KEY (code);

ALTER TABLE ONLY entry
    ADD CONSTRAINT uk3q713pcutihfsielqjn1eg54g UNIQUE (token);

ALTER TABLE ONLY organiseraccount
    ADD CONSTRAINT uk46h7c8nhciyryfdgm27ag1wwi UNIQUE (username);

CREATE INDEX entry_race_birth_date ON entry USING btree (racecode, birthdate);

CREATE INDEX entry_race_status ON entry USING btree (racecode, status, waitlistedat);

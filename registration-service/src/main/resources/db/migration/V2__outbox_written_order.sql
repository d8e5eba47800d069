-- The relay must send the outbox in the order the messages were written: a bib freed by one entry and taken by
-- another has to reach the other services in that order. Hibernate hands out ids in blocks per service instance,
-- so with two instances a later message may hold a lower id. A number the database takes at each insert follows
-- the race locks that serialise such changes: the second change can only insert once the first has committed.
CREATE SEQUENCE outboxmessage_written;
ALTER TABLE outboxmessage ADD COLUMN written bigint NOT NULL DEFAULT nextval('outboxmessage_written');

-- Fees are in the event's currency (EVENT_CURRENCY), not always euros.
ALTER TABLE race RENAME COLUMN feeeur TO fee;
ALTER TABLE runnermail RENAME COLUMN feeeur TO fee;
-- When the runner accepted the event's waiver (EVENT_ELIGIBILITY=waiver); null for an event without one.
ALTER TABLE entry ADD COLUMN waiveracceptedat timestamp(6) with time zone;

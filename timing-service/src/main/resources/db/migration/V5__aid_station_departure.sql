-- An aid station timed on the way out as well as in (#18): the runner's departure beside the arrival, null at a
-- point that times the arrival only, and until the runner leaves.
ALTER TABLE passage ADD COLUMN departure timestamp(6) with time zone;

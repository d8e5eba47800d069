-- An aid station timed on the way out as well as in (#18): the runner's departure beside the arrival, null at a
-- point that times the arrival only, and until the runner leaves.
ALTER TABLE passage ADD COLUMN departure timestamp(6) with time zone;
-- An official may set the departure (from the station's sheet, a video) as a decision of its own.
ALTER TABLE officialdecision DROP CONSTRAINT officialdecision_kind_check;
ALTER TABLE officialdecision ADD CONSTRAINT officialdecision_kind_check
    CHECK (kind IN ('GUN_START', 'STATUS', 'PASSAGE_SET', 'PASSAGE_REMOVED', 'DEPARTURE_SET'));

-- A non-binary division (sex X) in the races that open one; men stay H, which the API also takes as M.
ALTER TABLE race ADD COLUMN nonbinarydivision boolean NOT NULL DEFAULT false;
ALTER TABLE entry DROP CONSTRAINT entry_sex_check;
ALTER TABLE entry ADD CONSTRAINT entry_sex_check CHECK (sex IN ('F', 'H', 'X'));

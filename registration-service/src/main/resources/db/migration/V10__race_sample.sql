-- Whether a race's figures are an illustration (the sample races file), said on the results pages rather than in
-- the race's name: every race until now is the organiser's own.
ALTER TABLE race ADD COLUMN sample boolean NOT NULL DEFAULT false;

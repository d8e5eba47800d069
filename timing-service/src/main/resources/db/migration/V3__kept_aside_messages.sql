-- Quarantine also keeps the entry events timing could not use, and any message that could not be stored with its
-- batch: each row says which topic it came from. Every row before this one was a chip read.
ALTER TABLE rawread ADD COLUMN topic character varying(255) NOT NULL DEFAULT 'chip-reads';

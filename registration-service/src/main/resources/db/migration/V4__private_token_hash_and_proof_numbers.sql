-- The private links are kept as their SHA-256 only (hex, as PrivateToken.hash computes it): a copy of the database
-- no longer hands out the links. PostgreSQL has sha256() built in since version 11, no extension is needed.
ALTER TABLE entry RENAME COLUMN token TO tokenhash;
ALTER TABLE entry RENAME CONSTRAINT uk3q713pcutihfsielqjn1eg54g TO entry_token_hash;
UPDATE entry SET tokenhash = encode(sha256(convert_to(tokenhash, 'UTF8')), 'hex');

-- A mail keeps the link it carries until the mail server took it; a change the runner did not make through their
-- link (a promotion from the waitlist, an organiser's move) has no link to send, as only its hash is known.
ALTER TABLE runnermail ALTER COLUMN token DROP NOT NULL;

-- A licence or PPS number belongs to one active entry of the event: the check runs under the registrar's lock for
-- every batch, on the numbers as ProofNumbers compares them (letters and digits only, upper case).
CREATE INDEX entry_active_licence ON entry (upper(regexp_replace(licencenumber, '[^A-Za-z0-9]', '', 'g')))
    WHERE status <> 'CANCELLED' AND licencenumber IS NOT NULL;
CREATE INDEX entry_active_pps ON entry (upper(regexp_replace(ppsnumber, '[^A-Za-z0-9]', '', 'g')))
    WHERE status <> 'CANCELLED' AND ppsnumber IS NOT NULL;

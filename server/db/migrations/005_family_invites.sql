-- Family invitations: a family member asks an elder for consent with a single-use link; the elder
-- consents (a family_links row with consented_at) or declines. Either of them can end a link later
-- (revoked_at, revoked_by). Stands on its own on PostgreSQL 15 and PGlite.

CREATE TABLE family_invites (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Only a hash of the link's token: a leaked table cannot be replayed as invitations.
  token_hash     text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  family_user_id uuid NOT NULL REFERENCES users (id),
  relation       text NOT NULL CHECK (relation IN ('son', 'daughter', 'son_in_law', 'daughter_in_law', 'other')),
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  -- Set once, by the elder who opened it: consented (link_id set) or declined.
  answered_by    uuid REFERENCES users (id),
  answered_at    timestamptz,
  outcome        text CHECK (outcome IN ('consented', 'declined')),
  link_id        uuid REFERENCES family_links (id),
  CHECK (expires_at > created_at),
  CHECK ((answered_by IS NULL) = (answered_at IS NULL) AND (answered_at IS NULL) = (outcome IS NULL)),
  CHECK ((outcome = 'consented') = (link_id IS NOT NULL)),
  CHECK (answered_by IS NULL OR answered_by <> family_user_id)
);
CREATE INDEX family_invites_family ON family_invites (family_user_id, created_at);

-- Who ended a link: the elder withdrawing consent, or the family member stepping back.
ALTER TABLE family_links ADD COLUMN revoked_by uuid REFERENCES users (id);
ALTER TABLE family_links ADD CONSTRAINT family_links_revoked_by CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL);
-- "Who follows this elder" (notifications) and "whom does this person follow" are both hot reads.
CREATE INDEX family_links_elder_open ON family_links (elder_user_id) WHERE revoked_at IS NULL AND consented_at IS NOT NULL;

-- A customer's name changes only by an explicit correction, which every ticket of the customer
-- records in its timeline (kind CUSTOMER_RENAMED).
ALTER TABLE ticket_event DROP CONSTRAINT ticket_event_kind_check;
ALTER TABLE ticket_event ADD CONSTRAINT ticket_event_kind_check CHECK (kind IN
    ('CREATED', 'ASSIGNED', 'PRIORITY_CHANGED', 'STATUS_CHANGED', 'NOTE',
     'DIAGNOSIS_STARTED', 'STEP_RECORDED', 'VERIFIED', 'RESOLVED', 'ESCALATED',
     'WAITING_ON_APPLE', 'ABANDONED', 'RESUMED', 'REOPENED', 'CLOSED',
     'MOVED_ON', 'ORDER_CHANGED', 'CORRECTED', 'DIAGNOSIS_REOPENED', 'BACKUP_STILL_FAILING',
     'CUSTOMER_RENAMED'));

-- One rule for an e-mail address, the app's (common/Limits.EMAIL_PATTERN, verbatim; LimitsTest
-- compares them): V1's looser CHECK let through what the app now refuses first with the field
-- named, such as a quoted local part. NOT VALID: rows stored under the old rule stay readable, and
-- every new or changed address must follow the new one.
ALTER TABLE customer DROP CONSTRAINT customer_email_check;
ALTER TABLE customer ADD CONSTRAINT customer_email_check CHECK (email ~ ('^(' ||
    '[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+([.][A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?([.][A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*'
    || ')$')) NOT VALID;

-- An iOS version as the app stores it (diagnostics-core IosVersion.PATTERN, verbatim): what the
-- reports group by and the export sends. Earlier versions stored what the agent typed, such as
-- "iOS 17.4" or "17.4.1.2": those are rewritten to the form the check takes (a NOT VALID check
-- still applies to every later UPDATE of a row, so an unreadable old value would block the ticket).
-- What cannot be read as a version stays as it was, under NOT VALID.
UPDATE ticket t
   SET ios_version = v.normal
  FROM (SELECT id,
               substring(regexp_replace(ios_version, '^\s*ios\s*', '', 'i')
                         FROM '^[1-9][0-9]?(?:\.(?:0|[1-9][0-9]?)){0,2}') AS normal
          FROM ticket
         WHERE ios_version !~ '^[1-9][0-9]?(\.(0|[1-9][0-9]?)){0,2}$') v
 WHERE t.id = v.id AND v.normal IS NOT NULL;
ALTER TABLE ticket ADD CONSTRAINT ticket_ios_version_check CHECK (ios_version ~ ('^(' ||
    '[1-9][0-9]?(\.(0|[1-9][0-9]?)){0,2}'
    || ')$')) NOT VALID;

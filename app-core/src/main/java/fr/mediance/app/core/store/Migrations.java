package fr.mediance.app.core.store;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The ordered list of migrations, applied from {@code PRAGMA user_version}. Each migration and the new
 * version are written in one transaction. Instants are stored as epoch milliseconds, dates as ISO text.
 *
 * <h2>Adding a migration: the rules</h2>
 * A device applies only the migrations numbered above its {@code user_version}: a migration numbered at or
 * below a version already on devices would never run there. So:
 * <ol>
 *   <li>A new migration is appended at the end of {@link #ALL} and numbered <b>last version + 1</b> (today 11).
 *       Never reuse a gap: 5, 6 and 7 were never released and are closed for good.</li>
 *   <li>A migration in {@link #RELEASED} is frozen: never renumbered, edited, reordered or removed (devices in
 *       the field are at its number). A change to it is a new migration. {@code MigrationsTest} pins the text of
 *       each released one.</li>
 *   <li>When a release ships with a new migration, add its number to {@link #RELEASED} and its fingerprint to
 *       {@code MigrationsTest}, and add its case to the upgrade test (a store created at that version, with
 *       data, upgraded to the latest).</li>
 * </ol>
 * {@link #checkOrder} enforces rules 1 and 2 every time a store is opened (a breach stops the app before it
 * touches any store) and in {@code MigrationsTest}.
 */
public final class Migrations {
    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

    /** Version 1: the records, the outbox, settings and caches. */
    static final Migration V1 = new Migration(1, "records, outbox, settings", """
            CREATE TABLE settings (
              key TEXT PRIMARY KEY,
              value TEXT
            );
            CREATE TABLE residents (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              file_number TEXT,
              civility TEXT,
              last_name TEXT NOT NULL,
              first_name TEXT,
              birth_date TEXT,
              phone TEXT,
              street TEXT,
              postcode TEXT,
              city TEXT,
              access_notes TEXT,
              mobility_reason TEXT,
              referent_id TEXT,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE TABLE appointments (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT,
              counsellor_id TEXT,
              type TEXT NOT NULL,
              start_at INTEGER NOT NULL,
              end_at INTEGER NOT NULL,
              status TEXT NOT NULL,
              address TEXT,
              notes TEXT,
              status_reason TEXT,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX appointments_by_start ON appointments(start_at);
            CREATE TABLE visit_reports (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              appointment_id TEXT,
              resident_id TEXT,
              counsellor_id TEXT,
              medium TEXT,
              domains TEXT NOT NULL DEFAULT '',
              synthesis TEXT,
              follow_up TEXT,
              follow_up_due TEXT,
              started_at INTEGER,
              completed_at INTEGER,
              supersedes TEXT,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX visit_reports_by_appointment ON visit_reports(appointment_id);
            CREATE TABLE documents (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              visit_report_id TEXT,
              resident_id TEXT,
              type TEXT,
              sha256 TEXT NOT NULL,
              mime_type TEXT,
              size_bytes INTEGER NOT NULL,
              captured_at INTEGER,
              retention_until TEXT,
              blob_state TEXT NOT NULL,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX documents_by_report ON documents(visit_report_id);
            CREATE TABLE codes (
              id TEXT PRIMARY KEY,
              list TEXT NOT NULL,
              code TEXT NOT NULL,
              label TEXT,
              parent TEXT,
              sort_order INTEGER NOT NULL DEFAULT 0,
              active INTEGER NOT NULL DEFAULT 1,
              version INTEGER
            );
            CREATE INDEX codes_by_list ON codes(list, sort_order);
            CREATE TABLE users (
              id TEXT PRIMARY KEY,
              username TEXT,
              display_name TEXT,
              role TEXT,
              structure_id TEXT,
              fetched_at INTEGER NOT NULL
            );
            CREATE TABLE outbox (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              op_id TEXT NOT NULL UNIQUE,
              entity TEXT NOT NULL,
              entity_id TEXT NOT NULL,
              base_version INTEGER,
              is_delete INTEGER NOT NULL DEFAULT 0,
              payload TEXT,
              summary TEXT,
              created_at INTEGER NOT NULL,
              state TEXT NOT NULL DEFAULT 'pending',
              attempts INTEGER NOT NULL DEFAULT 0,
              last_error TEXT,
              reason_code TEXT,
              reason_message TEXT,
              quarantined_at INTEGER
            );
            CREATE INDEX outbox_by_entity ON outbox(entity, entity_id);
            CREATE TABLE deferred_changes (
              entity TEXT NOT NULL,
              entity_id TEXT NOT NULL,
              version INTEGER NOT NULL,
              deleted INTEGER NOT NULL,
              payload TEXT,
              PRIMARY KEY (entity, entity_id)
            );
            """);

    /** Version 2: accent-insensitive full-text search over residents. */
    static final Migration V2 = new Migration(2, "resident search", """
            CREATE VIRTUAL TABLE residents_fts USING fts5(
              id UNINDEXED, last_name, first_name, file_number, phone, street, city,
              tokenize = 'unicode61 remove_diacritics 2'
            );
            INSERT INTO residents_fts(id, last_name, first_name, file_number, phone, street, city)
              SELECT id, last_name, first_name, file_number, phone, street, city FROM residents;
            CREATE TRIGGER residents_fts_insert AFTER INSERT ON residents BEGIN
              INSERT INTO residents_fts(id, last_name, first_name, file_number, phone, street, city)
                VALUES (new.id, new.last_name, new.first_name, new.file_number, new.phone, new.street, new.city);
            END;
            CREATE TRIGGER residents_fts_update AFTER UPDATE ON residents BEGIN
              DELETE FROM residents_fts WHERE id = old.id;
              INSERT INTO residents_fts(id, last_name, first_name, file_number, phone, street, city)
                VALUES (new.id, new.last_name, new.first_name, new.file_number, new.phone, new.street, new.city);
            END;
            CREATE TRIGGER residents_fts_delete AFTER DELETE ON residents BEGIN
              DELETE FROM residents_fts WHERE id = old.id;
            END;
            """);

    /**
     * Version 3: conflict records and the server's blob status (both received by pull), resumable uploads
     * (the tus upload address and the offset the server has committed, per blob), the original capture of a
     * downscaled photo (kept until the server acknowledges the downscaled one), cached thumbnails, and when
     * an operation was first sent (an operation never sent may still be rebased).
     */
    static final Migration V3 =
            new Migration(3, "conflicts, blob status, resumable uploads, originals, thumbnails", """
            CREATE TABLE conflicts (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              entity TEXT NOT NULL,
              entity_id TEXT NOT NULL,
              field TEXT NOT NULL,
              base_value TEXT,
              server_value TEXT,
              client_value TEXT,
              server_author_id TEXT,
              client_author_id TEXT,
              detected_at INTEGER,
              status TEXT NOT NULL,
              resolved_value TEXT,
              resolved_by TEXT,
              resolved_at INTEGER,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX conflicts_by_status ON conflicts(status, detected_at);
            CREATE TABLE blob_status (
              sha256 TEXT PRIMARY KEY,
              size_bytes INTEGER NOT NULL,
              received_at INTEGER,
              thumbnail INTEGER NOT NULL DEFAULT 0,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE TABLE uploads (
              sha256 TEXT PRIMARY KEY,
              size_bytes INTEGER NOT NULL,
              upload_url TEXT,
              committed_offset INTEGER NOT NULL DEFAULT 0,
              chunk_failures INTEGER NOT NULL DEFAULT 0,
              state TEXT NOT NULL DEFAULT 'queued',
              reason TEXT,
              updated_at INTEGER NOT NULL
            );
            ALTER TABLE documents ADD COLUMN original_sha256 TEXT;
            ALTER TABLE documents ADD COLUMN original_size_bytes INTEGER;
            CREATE INDEX documents_by_sha ON documents(sha256);
            ALTER TABLE outbox ADD COLUMN sent_at INTEGER;
            CREATE TABLE thumbnails (
              sha256 TEXT PRIMARY KEY,
              thumbnail_sha256 TEXT NOT NULL,
              fetched_at INTEGER NOT NULL
            );
            """);

    /**
     * Version 4: the counsellor's whole day. The resident file (status, contact preferences, housing, legal
     * protection, orientation in, shared synthesis, household and contacts as JSON), the appointment checklist,
     * the full visit report (persons present, motifs, energy block, actions, orientations, signature, check-in
     * as JSON: the report is read and written whole), document metadata, code values, and four new records:
     * follow-up tasks, consents, mandates and private notes. Resident search gains the birth name, the postcode
     * and the phone as digits only ("06 12 34 56 78" is found by "0612").
     */
    static final Migration V4 = new Migration(4, "resident file, full visit, tasks, consents, mandates, notes", """
            ALTER TABLE residents ADD COLUMN status TEXT;
            ALTER TABLE residents ADD COLUMN birth_name TEXT;
            ALTER TABLE residents ADD COLUMN email TEXT;
            ALTER TABLE residents ADD COLUMN no_phone INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE residents ADD COLUMN preferred_contact_time TEXT;
            ALTER TABLE residents ADD COLUMN language TEXT;
            ALTER TABLE residents ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE residents ADD COLUMN accommodation_mode TEXT;
            ALTER TABLE residents ADD COLUMN landlord TEXT;
            ALTER TABLE residents ADD COLUMN main_residence INTEGER;
            ALTER TABLE residents ADD COLUMN socio_professional TEXT;
            ALTER TABLE residents ADD COLUMN legal_protection TEXT;
            ALTER TABLE residents ADD COLUMN legal_representative TEXT;
            ALTER TABLE residents ADD COLUMN orientation_in TEXT;
            ALTER TABLE residents ADD COLUMN orienting_partner TEXT;
            ALTER TABLE residents ADD COLUMN synthesis TEXT;
            ALTER TABLE residents ADD COLUMN household TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE residents ADD COLUMN contacts TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE residents ADD COLUMN phone_digits TEXT;
            DROP TRIGGER residents_fts_insert;
            DROP TRIGGER residents_fts_update;
            DROP TRIGGER residents_fts_delete;
            DROP TABLE residents_fts;
            CREATE VIRTUAL TABLE residents_fts USING fts5(
              id UNINDEXED, last_name, first_name, birth_name, file_number, phone, phone_digits, street, postcode, city,
              tokenize = 'unicode61 remove_diacritics 2'
            );
            INSERT INTO residents_fts(id, last_name, first_name, birth_name, file_number, phone, phone_digits, street,
                postcode, city)
              SELECT id, last_name, first_name, birth_name, file_number, phone, phone_digits, street, postcode, city
              FROM residents;
            CREATE TRIGGER residents_fts_insert AFTER INSERT ON residents BEGIN
              INSERT INTO residents_fts(id, last_name, first_name, birth_name, file_number, phone, phone_digits, street,
                  postcode, city)
                VALUES (new.id, new.last_name, new.first_name, new.birth_name, new.file_number, new.phone,
                  new.phone_digits, new.street, new.postcode, new.city);
            END;
            CREATE TRIGGER residents_fts_update AFTER UPDATE OF last_name, first_name, birth_name, file_number, phone,
                phone_digits, street, postcode, city ON residents BEGIN
              DELETE FROM residents_fts WHERE id = old.id;
              INSERT INTO residents_fts(id, last_name, first_name, birth_name, file_number, phone, phone_digits, street,
                  postcode, city)
                VALUES (new.id, new.last_name, new.first_name, new.birth_name, new.file_number, new.phone,
                  new.phone_digits, new.street, new.postcode, new.city);
            END;
            CREATE TRIGGER residents_fts_delete AFTER DELETE ON residents BEGIN
              DELETE FROM residents_fts WHERE id = old.id;
            END;
            ALTER TABLE appointments ADD COLUMN checklist TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE appointments ADD COLUMN safety_notes TEXT;
            CREATE INDEX appointments_by_resident ON appointments(resident_id, start_at);
            ALTER TABLE visit_reports ADD COLUMN place TEXT;
            ALTER TABLE visit_reports ADD COLUMN duration_minutes INTEGER;
            ALTER TABLE visit_reports ADD COLUMN persons_present TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE visit_reports ADD COLUMN motifs TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE visit_reports ADD COLUMN energy TEXT;
            ALTER TABLE visit_reports ADD COLUMN actions TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE visit_reports ADD COLUMN orientations TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE visit_reports ADD COLUMN resident_signature_document_id TEXT;
            ALTER TABLE visit_reports ADD COLUMN visit_attested INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE visit_reports ADD COLUMN check_in TEXT;
            CREATE INDEX visit_reports_by_resident ON visit_reports(resident_id, started_at);
            ALTER TABLE documents ADD COLUMN title TEXT;
            ALTER TABLE documents ADD COLUMN issuer TEXT;
            ALTER TABLE documents ADD COLUMN amount_cents INTEGER;
            ALTER TABLE documents ADD COLUMN due_date TEXT;
            ALTER TABLE documents ADD COLUMN purpose TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE documents ADD COLUMN origin TEXT;
            CREATE INDEX documents_by_resident ON documents(resident_id, captured_at);
            CREATE INDEX documents_by_retention ON documents(retention_until);
            ALTER TABLE codes ADD COLUMN value TEXT;
            CREATE TABLE tasks (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT NOT NULL,
              visit_report_id TEXT,
              assignee_id TEXT NOT NULL,
              title TEXT NOT NULL,
              due_date TEXT,
              status TEXT NOT NULL,
              rule_code TEXT,
              source_id TEXT,
              created_at INTEGER,
              closed_at INTEGER,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX tasks_by_assignee ON tasks(assignee_id, status, due_date);
            CREATE INDEX tasks_by_resident ON tasks(resident_id, due_date);
            CREATE TABLE consents (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT NOT NULL,
              scope TEXT NOT NULL,
              partner TEXT,
              notice_version TEXT,
              given_at INTEGER NOT NULL,
              withdrawn_at INTEGER,
              signature_document_id TEXT,
              recorded_by TEXT,
              medium TEXT,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX consents_by_resident ON consents(resident_id, scope);
            CREATE TABLE mandates (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT NOT NULL,
              demarches TEXT NOT NULL DEFAULT '[]',
              creditors TEXT NOT NULL DEFAULT '[]',
              duration TEXT NOT NULL,
              start_date TEXT,
              end_date TEXT,
              revoked_at INTEGER,
              not_under_protection INTEGER NOT NULL DEFAULT 0,
              place TEXT,
              agent_ids TEXT NOT NULL DEFAULT '[]',
              resident_signature_document_id TEXT,
              agent_signature_document_id TEXT,
              channel TEXT,
              signed_at INTEGER,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX mandates_by_resident ON mandates(resident_id, end_date);
            CREATE TABLE private_notes (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT NOT NULL,
              author_id TEXT NOT NULL,
              text TEXT,
              note_updated_at INTEGER,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX private_notes_by_author ON private_notes(resident_id, author_id);
            """);

    /**
     * Version 8: indexes for a device holding a big structure's data (found with EXPLAIN QUERY PLAN on the
     * client-store benchmark: 20,000 residents, 100,000 reports, 200,000 documents): the counsellor's day
     * without reading the colleagues' appointments; documents by local photo state, so that the pending-photo
     * counts and the clean-up of photo files at unlock read only the few documents whose photo is on the
     * device instead of scanning every document.
     */
    static final Migration V8 = new Migration(8, "indexes for big stores", """
            CREATE INDEX IF NOT EXISTS appointments_by_counsellor ON appointments(counsellor_id, start_at);
            CREATE INDEX IF NOT EXISTS documents_by_blob_state ON documents(blob_state);
            """);

    /**
     * Version 9: the original capture of a photo is looked up by its hash when photos leave the device (retention,
     * clean-up), as the downscaled one already was.
     */
    static final Migration V9 = new Migration(9, "documents by original photo", """
            CREATE INDEX documents_by_original ON documents(original_sha256);
            """);

    /**
     * Version 10: casework intake: cases (one not closed per resident), requests and anonymous desk or phone
     * contacts. No existing table changes: a visit report belongs to the case of its resident open on its day.
     */
    static final Migration V10 = new Migration(10, "cases, requests, anonymous contacts", """
            CREATE TABLE cases (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT NOT NULL,
              referent_id TEXT,
              opened_on TEXT NOT NULL,
              origin_request_id TEXT,
              domains TEXT NOT NULL DEFAULT '[]',
              goals TEXT NOT NULL DEFAULT '[]',
              status TEXT NOT NULL,
              closed_on TEXT,
              closing_reason TEXT,
              outcomes TEXT NOT NULL DEFAULT '[]',
              created_at INTEGER,
              created_by TEXT,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX cases_by_resident ON cases(resident_id, status);
            CREATE TABLE requests (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT NOT NULL,
              case_id TEXT,
              received_on TEXT NOT NULL,
              channel TEXT NOT NULL,
              referrer TEXT,
              domains TEXT NOT NULL DEFAULT '[]',
              urgencies TEXT NOT NULL DEFAULT '[]',
              court_date TEXT,
              description TEXT,
              status TEXT NOT NULL,
              visit_report_id TEXT,
              created_at INTEGER,
              created_by TEXT,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX requests_by_resident ON requests(resident_id, received_on);
            CREATE TABLE anonymous_contacts (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              counsellor_id TEXT,
              at INTEGER NOT NULL,
              channel TEXT NOT NULL,
              domains TEXT NOT NULL DEFAULT '[]',
              motifs TEXT NOT NULL DEFAULT '[]',
              action_types TEXT NOT NULL DEFAULT '[]',
              age_band TEXT,
              duration_minutes INTEGER,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX anonymous_contacts_by_day ON anonymous_contacts(at);
            """);

    /**
     * Version 11: households' budget sheets, each kept whole as it travels ({@code data}, the wire JSON), with the
     * columns the resident's file reads them by.
     */
    static final Migration V11 = new Migration(11, "budget sheets", """
            CREATE TABLE budgets (
              id TEXT PRIMARY KEY,
              resident_id TEXT NOT NULL,
              author_id TEXT,
              snapshot_date TEXT,
              data TEXT NOT NULL,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX budgets_by_resident ON budgets(resident_id, snapshot_date);
            """);

    /** Version 12: households' aid applications (FSL, CCAS, CAF…), kept whole as they travel. */
    static final Migration V12 = new Migration(12, "aid applications", """
            CREATE TABLE aid_applications (
              id TEXT PRIMARY KEY,
              resident_id TEXT NOT NULL,
              status TEXT,
              opened_on TEXT,
              data TEXT NOT NULL,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX aid_applications_by_resident ON aid_applications(resident_id, opened_on);
            """);

    /**
     * Version 13: a household's energy contracts and its debts (unpaid bills). Each keeps its whole wire record as
     * JSON in {@code data} (written and read by the protocol's adapters), with the columns the screens filter on.
     */
    static final Migration V13 = new Migration(13, "energy contracts and debts", """
            CREATE TABLE energy_contracts (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT NOT NULL,
              energy TEXT NOT NULL,
              data TEXT NOT NULL,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX energy_contracts_by_resident ON energy_contracts(resident_id);
            CREATE TABLE debts (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT NOT NULL,
              contract_id TEXT,
              data TEXT NOT NULL,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX debts_by_resident ON debts(resident_id);
            CREATE INDEX debts_by_contract ON debts(contract_id);
            """);

    /** Version 14: households' overindebtedness files, kept whole as they travel. */
    static final Migration V14 = new Migration(14, "overindebtedness files", """
            CREATE TABLE overindebtedness_files (
              id TEXT PRIMARY KEY,
              resident_id TEXT NOT NULL,
              status TEXT,
              started_on TEXT,
              data TEXT NOT NULL,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX overindebtedness_files_by_resident ON overindebtedness_files(resident_id, started_on);
            """);

    /** Version 15: payment plans of households' debts, kept whole as they travel (instalments in {@code data}). */
    static final Migration V15 = new Migration(15, "payment plans", """
            CREATE TABLE payment_plans (
              id TEXT PRIMARY KEY,
              structure_id TEXT,
              resident_id TEXT NOT NULL,
              status TEXT,
              data TEXT NOT NULL,
              version INTEGER,
              updated_at INTEGER NOT NULL
            );
            CREATE INDEX payment_plans_by_resident ON payment_plans(resident_id);
            """);

    /**
     * Version 16: the partner directory, shared by every structure: the whole wire record in {@code data}, beside
     * the columns the lists and the search read ({@code categories} as ",energie,eau,", {@code search_key} from
     * {@code protocol/Partners.searchKey}: lower case, no accent, each word after a space). The entries of the former
     * "partner" code list move into it with the same codes (the server does the same and sends the real records).
     */
    static final Migration V16 = new Migration(16, "partner directory", """
            CREATE TABLE partners (
              id TEXT PRIMARY KEY,
              type TEXT,
              name TEXT NOT NULL,
              categories TEXT NOT NULL,
              active INTEGER NOT NULL,
              search_key TEXT NOT NULL,
              data TEXT NOT NULL,
              version INTEGER
            );
            CREATE INDEX partners_by_name ON partners(active, name);
            CREATE INDEX partners_by_search_key ON partners(search_key);
            INSERT INTO partners(id, type, name, categories, active, search_key, data, version)
              SELECT code,
                     CASE parent WHEN 'energie' THEN 'fournisseur_energie' ELSE 'autre' END,
                     COALESCE(NULLIF(label, ''), code),
                     CASE WHEN parent IS NULL THEN ',' ELSE ',' || parent || ',' END,
                     active,
                     ' ' || lower(code || ' ' || COALESCE(label, '')) || ' ',
                     json_object('id', code,
                                 'type', CASE parent WHEN 'energie' THEN 'fournisseur_energie' ELSE 'autre' END,
                                 'name', COALESCE(NULLIF(label, ''), code),
                                 'categories', CASE WHEN parent IS NULL THEN json_array() ELSE json_array(parent) END,
                                 'services', json_array(),
                                 'active', json(CASE active WHEN 1 THEN 'true' ELSE 'false' END)),
                     NULL
              FROM codes WHERE list = 'partner';
            DELETE FROM codes WHERE list = 'partner';
            """);

    /**
     * Version 17: the audit events of what the device shows, prints or shares offline (opening a resident's file,
     * viewing a document), queued in the encrypted store until the sync sends them (so a kill loses none), then
     * forgotten once the server has them.
     */
    static final Migration V17 = new Migration(17, "audit events queue", """
            CREATE TABLE audit_queue (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              id TEXT NOT NULL UNIQUE,
              at INTEGER NOT NULL,
              action TEXT NOT NULL,
              entity_type TEXT NOT NULL,
              entity_id TEXT NOT NULL,
              resident_id TEXT,
              summary TEXT
            );
            """);

    /**
     * Version 18: where the resident lives on the map ({@code GeoPointDto} as JSON: coordinates, origin, precision),
     * found by the office from the address or a pin placed by hand.
     */
    static final Migration V18 = new Migration(18, "resident location", """
            ALTER TABLE residents ADD COLUMN location TEXT;
            """);

    /**
     * Version 19: a request's wish for a home visit ({@code HomeVisitDto} as JSON: kind, length, the person's
     * half-days, days to avoid), what the rounds plan from.
     */
    static final Migration V19 = new Migration(19, "request home visit", """
            ALTER TABLE requests ADD COLUMN home_visit TEXT;
            """);

    /**
     * Version 20: what planning an appointment from the tablet needs: the coordination's lock, the request it
     * answers, and who planned it (the server's stamp, so that the app offers a counsellor to reschedule only her
     * own unlocked appointments).
     */
    static final Migration V20 = new Migration(20, "appointment planning", """
            ALTER TABLE appointments ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE appointments ADD COLUMN request_id TEXT;
            ALTER TABLE appointments ADD COLUMN planned_by TEXT;
            """);

    /**
     * Version 21: the counsellor's upcoming appointments as she last saw them (« Ce qui a changé depuis hier »): when
     * she last looked, and each appointment's time, counsellor, status and lock then. Her own changes made on this
     * device (an appointment written to the outbox) update what she saw, so that they are never shown to her as news.
     */
    static final Migration V21 = new Migration(21, "agenda seen", """
            CREATE TABLE agenda_seen (
              account_id TEXT PRIMARY KEY,
              seen_at INTEGER NOT NULL
            );
            CREATE TABLE agenda_seen_appointments (
              account_id TEXT NOT NULL,
              appointment_id TEXT NOT NULL,
              resident_id TEXT,
              counsellor_id TEXT,
              start_at INTEGER NOT NULL,
              end_at INTEGER NOT NULL,
              status TEXT NOT NULL,
              status_reason TEXT,
              locked INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (account_id, appointment_id)
            );
            CREATE TRIGGER agenda_seen_own_change AFTER INSERT ON outbox WHEN NEW.entity = 'appointment' BEGIN
              INSERT OR REPLACE INTO agenda_seen_appointments(account_id, appointment_id, resident_id, counsellor_id,
                start_at, end_at, status, status_reason, locked)
              SELECT s.account_id, a.id, a.resident_id, a.counsellor_id, a.start_at, a.end_at, a.status, a.status_reason,
                a.locked
              FROM appointments a JOIN agenda_seen s ON s.account_id = a.counsellor_id
              WHERE a.id = NEW.entity_id;
            END;
            """);

    /** Every migration, in order. Append only, numbered last + 1: read the rules in this class's comment. */
    public static final List<Migration> ALL =
            List.of(V1, V2, V3, V4, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V20, V21);

    /**
     * The versions that have shipped to devices, in order. Frozen: never remove, renumber or edit one; add a
     * version here when a release ships it.
     */
    static final List<Integer> RELEASED = List.of(1, 2, 3, 4, 8, 9);

    private Migrations() {}

    /** The version the code expects. */
    public static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }

    /** Applies every migration newer than the database's {@code user_version}. */
    public static void apply(Database db) {
        applyUpTo(db, latestVersion());
    }

    /** Applies migrations up to {@code target} (tests start from an older schema this way). */
    public static void applyUpTo(Database db, int target) {
        applyUpTo(db, target, ALL, RELEASED);
    }

    static void applyUpTo(Database db, int target, List<Migration> migrations, List<Integer> released) {
        checkOrder(migrations, released);
        int current = db.userVersion();
        int latest = migrations.get(migrations.size() - 1).version();
        if (current > latest) {
            throw new StoreException(
                    StoreException.Kind.SQL, "database schema " + current + " is newer than this app (" + latest + ")");
        }
        if (current != 0 && migrations.stream().noneMatch(m -> m.version() == current)) {
            throw new StoreException(
                    StoreException.Kind.SQL, "database schema " + current + " is no version this app knows");
        }
        for (Migration m : migrations) {
            if (m.version() <= current || m.version() > target) {
                continue;
            }
            db.inTransaction(tx -> {
                tx.script(m.sql());
                tx.update("PRAGMA user_version = " + m.version());
            });
            LOG.log(Level.INFO, "schema migrated to {0} ({1})", m.version(), m.description());
        }
    }

    /**
     * Checks that {@code migrations} start with exactly the {@code released} versions, in order, and that every
     * later one is numbered one above the one before it: then no migration can sit at or below a version a
     * device may already be at (it would be skipped there). A breach is a bug of the build, never of the
     * device: {@link IllegalStateException}.
     */
    static void checkOrder(List<Migration> migrations, List<Integer> released) {
        for (int i = 0; i < released.size(); i++) {
            if (i >= migrations.size() || migrations.get(i).version() != released.get(i)) {
                throw new IllegalStateException("migration " + (i + 1) + " of the list must be the released version "
                        + released.get(i) + ": released versions " + released
                        + " are never removed, renumbered or reordered, and nothing is inserted among them");
            }
        }
        for (int i = released.size(); i < migrations.size(); i++) {
            int expected = migrations.get(i - 1).version() + 1;
            if (migrations.get(i).version() != expected) {
                throw new IllegalStateException("migration " + migrations.get(i).version() + " ("
                        + migrations.get(i).description() + ") must be numbered " + expected
                        + ": a new migration is appended and numbered last + 1 (released: " + released + ")");
            }
        }
    }
}
